import Link from "next/link";
import type { TCatalogEntry } from "@/lib/catalog/list-courses";
import { formatPrice, formatTotal } from "@/lib/catalog/format-duration";

type TCourseCardProps = {
  course: TCatalogEntry;
  poster: string | null;
  /** Signed-in viewers: segments completed (null = anonymous, no progress shown). */
  completedSegments?: number | null;
  /** The viewer bought it (lib/access's course entitlement): "Owned" instead of a price. */
  owned?: boolean;
};

export function CourseCard({ course, poster, completedSegments = null, owned = false }: TCourseCardProps) {
  return (
    <article className="course-card" data-testid="course-card">
      <Link href={`/courses/${course.slug}`} className="course-card__link">
        <div className="course-card__cover">
          {poster ? (
            // eslint-disable-next-line @next/next/no-img-element -- access-checked media route, not a static asset
            <img src={poster} alt="" loading="lazy" width={640} height={360} />
          ) : null}
        </div>
        <div className="course-card__body">
          <h2 className="course-card__title">{course.title}</h2>
          {course.subtitle ? <p className="course-card__subtitle">{course.subtitle}</p> : null}
          {course.authors.length > 0 ? <p className="course-card__authors">{course.authors.join(", ")}</p> : null}
          <p className="course-card__meta">
            {course.partCount} parts · {course.segmentCount} segments · {formatTotal(course.totalSeconds)}
          </p>
          {owned ? (
            <p className="course-card__price">
              <span className="badge badge--owned" data-testid="course-card-owned">
                Owned
              </span>
            </p>
          ) : (
            <p className="course-card__price">
              <strong>{formatPrice(course.priceCents, course.currency)}</strong>
              {course.priceCents > 0 && course.freeSegmentCount > 0 ? (
                <span className="badge badge--free">{course.freeSegmentCount} free previews</span>
              ) : null}
            </p>
          )}
          {completedSegments !== null && (completedSegments > 0 || owned) ? (
            <p className="course-card__progress" data-testid="course-card-progress">
              <progress max={course.segmentCount} value={completedSegments} aria-hidden="true" />
              <span>
                {completedSegments} of {course.segmentCount} segments watched
              </span>
            </p>
          ) : null}
        </div>
      </Link>
    </article>
  );
}
