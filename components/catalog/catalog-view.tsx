import type { TCatalogPageData } from "@/lib/catalog/load-catalog-page.server";
import { accessBadge, CourseCard } from "@/components/catalog/course-card";
import { ProgressSync } from "@/components/progress/progress-sync";

/** The catalog for one viewer; the same view renders the shared anonymous copy (app/cached/home). */
export function CatalogView({ data }: { data: TCatalogPageData }) {
  return (
    <div className="page">
      <section className="hero">
        <h1>Courses</h1>
        <p className="hero__lead">Watch the free previews without an account. Buy once, stream and download forever.</p>
      </section>
      {data.cards.length === 0 ? (
        <p className="empty">No courses yet. Import one with <code>npx prisma db seed</code>.</p>
      ) : (
        <div className="course-grid">
          {data.cards.map((card) => (
            <CourseCard
              key={card.course.slug}
              course={card.course}
              image={card.image}
              completedSegments={card.completedSegments}
              access={accessBadge(card.entitlement)}
            />
          ))}
        </div>
      )}
      <ProgressSync signedIn={data.signedIn} />
    </div>
  );
}
