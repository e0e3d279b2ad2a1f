import Link from "next/link";
import type { TCatalogEntry } from "@/lib/catalog/list-courses";
import { formatTotal } from "@/lib/catalog/format-duration";
import { CardViewer } from "./catalog-viewer-parts";

type TCourseCardProps = {
  course: TCatalogEntry;
  /** The course's cover, or its first free segment's poster. */
  image: { src: string; width: number; height: number; srcSet?: string } | null;
  /**
   * In the first screenful: the cover loads with the page, not when layout finds it in view
   * (a lazy first cover was the catalog's LCP, ~1 s late in Lighthouse's mobile run, issue 12).
   */
  aboveTheFold?: boolean;
  /** The first card: its cover is the page's largest paint, fetched at high priority. */
  first?: boolean;
};

/** A catalog card: the same for every viewer but its price/badge and progress lines (CardViewer). */
export function CourseCard({ course, image, aboveTheFold = false, first = false }: TCourseCardProps) {
  return (
    <article className="course-card" data-testid="course-card">
      <Link href={`/courses/${course.slug}`} className="course-card__link">
        <div className="course-card__cover">
          {image ? (
            // eslint-disable-next-line @next/next/no-img-element -- versioned cover or access-checked poster, not a static asset
            <img
              src={image.src}
              srcSet={image.srcSet}
              // A grid of ≥ 300 px columns: one card across a phone, about 360 px on a wide screen.
              sizes={image.srcSet ? "(max-width: 720px) calc(100vw - 2.5rem), 380px" : undefined}
              alt=""
              loading={aboveTheFold ? "eager" : "lazy"}
              fetchPriority={first ? "high" : "auto"}
              width={image.width}
              height={image.height}
            />
          ) : null}
        </div>
        <div className="course-card__body">
          <h2 className="course-card__title">{course.title}</h2>
          {course.subtitle ? <p className="course-card__subtitle">{course.subtitle}</p> : null}
          {course.authors.length > 0 ? <p className="course-card__authors">{course.authors.join(", ")}</p> : null}
          <p className="course-card__meta">
            {course.partCount} parts · {course.segmentCount} segments · {formatTotal(course.totalSeconds)}
          </p>
          <CardViewer
            course={{
              slug: course.slug,
              priceCents: course.priceCents,
              currency: course.currency,
              freeSegmentCount: course.freeSegmentCount,
              segmentCount: course.segmentCount,
            }}
          />
        </div>
      </Link>
    </article>
  );
}
