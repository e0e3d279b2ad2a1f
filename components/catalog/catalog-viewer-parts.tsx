"use client";

import { formatPrice } from "@/lib/catalog/format-duration";
import type { TCardAccess, TCatalogViewerState } from "@/lib/viewer/catalog-viewer-state";
import { ProgressSync } from "@/components/progress/progress-sync";
import { createViewerContext, useViewerState, type TViewerSource } from "./viewer-state";

// The catalog's per-viewer parts (issue 12, docs/decisions/019-cached-pages.md): each card's
// price or "Owned" badge and progress, from the server's state or, in the viewer shell, from
// GET /api/viewer/catalog.

const CatalogViewer = createViewerContext<TCatalogViewerState>();

export function CatalogViewerProvider({ source, children }: { source: TViewerSource<TCatalogViewerState>; children: React.ReactNode }) {
  const load = useViewerState(source);
  return (
    <CatalogViewer.Provider value={load}>
      {children}
      <ProgressSync signedIn={load.status === "ready" && load.state.viewer.kind === "user"} />
    </CatalogViewer.Provider>
  );
}

const ACCESS_LABEL: Record<TCardAccess, string> = {
  purchase: "Owned",
  "team-seat": "Your team seat",
  "organisation-licence": "Your organisation's licence",
};

export type TCardCourse = { slug: string; priceCents: number; currency: string; freeSegmentCount: number; segmentCount: number };

/**
 * A card's price line (or the viewer's badge) and, for a signed-in viewer, a progress line that
 * every card keeps (empty when there is nothing to show), so a filled card is as tall as its
 * placeholder. An anonymous visitor's cards have no progress line.
 */
export function CardViewer({ course }: { course: TCardCourse }) {
  const load = CatalogViewer.useLoad();
  if (load.status !== "ready") {
    return (
      <>
        <p className="course-card__price course-card__pending" aria-hidden="true" data-testid="course-card-pending">
          &nbsp;
        </p>
        <p className="course-card__progress course-card__pending" aria-hidden="true">
          &nbsp;
        </p>
      </>
    );
  }
  const card = load.state.cards[course.slug] ?? { access: null, completedSegments: load.state.viewer.kind === "user" ? 0 : null };
  const { access, completedSegments } = card;
  const showProgress = completedSegments !== null && (completedSegments > 0 || access !== null);
  return (
    <>
      {access ? (
        <p className="course-card__price">
          <span className="badge badge--owned" data-testid="course-card-owned">
            {ACCESS_LABEL[access]}
          </span>
        </p>
      ) : (
        <p className="course-card__price">
          <strong>{formatPrice(course.priceCents, course.currency)}</strong>
          {course.priceCents > 0 && course.freeSegmentCount > 0 ? <span className="badge badge--free">{course.freeSegmentCount} free previews</span> : null}
        </p>
      )}
      {showProgress ? (
        <p className="course-card__progress" data-testid="course-card-progress">
          <progress max={course.segmentCount} value={completedSegments} aria-hidden="true" />
          <span>
            {completedSegments} of {course.segmentCount} segments watched
          </span>
        </p>
      ) : completedSegments !== null ? (
        // Signed in, nothing to show: the line's space is kept (see above).
        <p className="course-card__progress course-card__pending" aria-hidden="true">
          &nbsp;
        </p>
      ) : null}
    </>
  );
}
