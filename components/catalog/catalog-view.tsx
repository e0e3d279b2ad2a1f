import type { TCatalogCard } from "@/lib/catalog/load-catalog-page.server";
import type { TCatalogViewerState } from "@/lib/viewer/catalog-viewer-state";
import { CourseCard } from "@/components/catalog/course-card";
import { CatalogViewerProvider } from "./catalog-viewer-parts";
import type { TViewerSource } from "./viewer-state";

/** The cards of the grid's first row on a wide screen (three columns): their covers are not lazy. */
const ABOVE_THE_FOLD = 3;

/**
 * The catalog. The same view renders the anonymous shared copy and the viewer shell
 * (app/cached/home) and the catalog rendered for its request (app/page.tsx); only where the
 * per-viewer state comes from differs (`viewer`).
 */
export function CatalogView({ cards, viewer }: { cards: TCatalogCard[]; viewer: TViewerSource<TCatalogViewerState> }) {
  return (
    <div className="page">
      <section className="hero">
        <h1>Courses</h1>
        <p className="hero__lead">Watch the free previews without an account. Buy once, stream and download forever.</p>
      </section>
      <CatalogViewerProvider source={viewer}>
        {cards.length === 0 ? (
          <p className="empty">
            No courses yet. Import one with <code>npx prisma db seed</code>.
          </p>
        ) : (
          <div className="course-grid">
            {cards.map((card, i) => (
              <CourseCard key={card.course.slug} course={card.course} image={card.image} aboveTheFold={i < ABOVE_THE_FOLD} first={i === 0} />
            ))}
          </div>
        )}
      </CatalogViewerProvider>
    </div>
  );
}
