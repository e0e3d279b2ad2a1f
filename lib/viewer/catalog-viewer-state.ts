import type { TCourseEntitlement } from "../access/decide-course-entitlement";
import { summarizeViewer, type TViewerSummary } from "./course-viewer-state";

/** Why the viewer may watch a whole course, as a catalog card says it ("Owned", …). */
export type TCardAccess = "purchase" | "team-seat" | "organisation-licence";

/** One card's per-viewer part: a badge instead of the price, and the viewer's progress. */
export type TCardViewerState = {
  access: TCardAccess | null;
  /** Segments the viewer completed; null for an anonymous visitor (no progress shown). */
  completedSegments: number | null;
};

/**
 * The catalog's per-viewer parts (issue 12, ADR 019), by course slug: the shared render has the
 * cards, this fills their badges and progress. Plain JSON, from GET /api/viewer/catalog or
 * handed by the per-request catalog to the same client components.
 */
export type TCatalogViewerState = { viewer: TViewerSummary; cards: Record<string, TCardViewerState> };

/** The badge a catalog card shows for an entitlement; admins and free courses show the price as anyone. */
export function cardAccessOf(entitlement: TCourseEntitlement | undefined): TCardAccess | null {
  if (!entitlement?.entitled) return null;
  const { reason } = entitlement;
  return reason === "purchase" || reason === "team-seat" || reason === "organisation-licence" ? reason : null;
}

export type TCatalogViewerInput = {
  user: { name: string; role: "learner" | "admin" } | null;
  courses: readonly { id: string; slug: string }[];
  entitlements: ReadonlyMap<string, TCourseEntitlement>;
  /** course slug → completed segments; null for an anonymous viewer. */
  watched: Readonly<Record<string, number>> | null;
};

/** The catalog's per-viewer state as it goes out (pure; catalog-viewer-state.test.ts). */
export function shapeCatalogViewerState(input: TCatalogViewerInput): TCatalogViewerState {
  const signedIn = input.user !== null;
  return {
    viewer: summarizeViewer(input.user),
    cards: Object.fromEntries(
      input.courses.map((c) => [
        c.slug,
        {
          access: cardAccessOf(input.entitlements.get(c.id)),
          completedSegments: signedIn && input.watched ? (input.watched[c.slug] ?? 0) : null,
        },
      ]),
    ),
  };
}
