import Link from "next/link";
import type { TCatalogEntry } from "@/lib/catalog/list-courses";
import { formatPrice, formatTotal } from "@/lib/catalog/format-duration";
import type { TCourseEntitlement } from "@/lib/access/decide-course-entitlement";

type TCourseCardProps = {
  course: TCatalogEntry;
  /** The course's cover, or its first free segment's poster. */
  image: { src: string; width: number; height: number } | null;
  /** Signed-in viewers: segments completed (null = anonymous, no progress shown). */
  completedSegments?: number | null;
  /** Why the viewer may watch all of it (lib/access's course entitlement): shown instead of a price. */
  access?: TCardAccess | null;
};

export type TCardAccess = "purchase" | "team-seat" | "organisation-licence";

const ACCESS_LABEL: Record<TCardAccess, string> = {
  purchase: "Owned",
  "team-seat": "Your team seat",
  "organisation-licence": "Your organisation's licence",
};

/** The badge a catalog card shows for an entitlement; admins and free courses show the price as anyone. */
export function accessBadge(entitlement: TCourseEntitlement | undefined): TCardAccess | null {
  if (!entitlement?.entitled) return null;
  const { reason } = entitlement;
  return reason === "purchase" || reason === "team-seat" || reason === "organisation-licence" ? reason : null;
}

export function CourseCard({ course, image, completedSegments = null, access = null }: TCourseCardProps) {
  const owned = access !== null;
  return (
    <article className="course-card" data-testid="course-card">
      <Link href={`/courses/${course.slug}`} className="course-card__link">
        <div className="course-card__cover">
          {image ? (
            // eslint-disable-next-line @next/next/no-img-element -- versioned cover or access-checked poster, not a static asset
            <img src={image.src} alt="" loading="lazy" width={image.width} height={image.height} />
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
                {ACCESS_LABEL[access!]}
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
