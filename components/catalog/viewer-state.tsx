"use client";

import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { TViewerSummary } from "@/lib/viewer/course-viewer-state";

/**
 * The per-viewer state of a page (issue 12, docs/decisions/019-cached-pages.md): handed over by
 * the server (the page rendered for its request, or the anonymous shared render) or, in the
 * viewer shell — the shared render sent to every signed-in viewer — fetched once from
 * GET /api/viewer/… by the browser. Until it arrives every island shows a neutral placeholder
 * that keeps its space: never a lock, a price or a Buy button that may be wrong.
 */
export type TViewerLoad<T> = { status: "pending" } | { status: "ready"; state: T } | { status: "failed" };

/** Where a page's per-viewer state comes from: known at render, or the shell's JSON request. */
export type TViewerSource<T> = { initial: T } | { src: string };

// The header sits in the root layout, outside every page's provider: the page publishes who the
// viewer is here, and the header (components/site-nav.tsx) reads it. Module state: one document.
let published: TViewerSummary | null = null;
const listeners = new Set<() => void>();

export function publishViewer(viewer: TViewerSummary): void {
  if (published?.kind === viewer.kind && (viewer.kind === "anonymous" || (published.kind === "user" && published.name === viewer.name))) return;
  published = viewer;
  for (const listener of listeners) listener();
}

/** Who the last page's per-viewer state said the viewer is (null: no page has said yet). */
export function usePublishedViewer(): TViewerSummary | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => published,
    () => null,
  );
}

const RELOADED_KEY = "lectern.viewer-shell-reloaded";

/**
 * For an admin (whose answer set the per-request cookie): loads the page again, now rendered for
 * them, once per tab so a refused cookie cannot loop. True when it did.
 */
export function reloadedForAdmin(viewer: TViewerSummary): boolean {
  if (viewer.kind !== "user" || viewer.role !== "admin" || sessionStorage.getItem(RELOADED_KEY)) return false;
  sessionStorage.setItem(RELOADED_KEY, "1");
  window.location.reload();
  return true;
}

/**
 * The state from `source`: at once when the server had it; otherwise fetched once after
 * hydration (never cached: `no-store`, and the answer says `private, no-store`). An admin's
 * answer also set the per-request cookie (lib/viewer/per-request-cookie.ts): their page is
 * loaded again, rendered for them (once per tab, so a refused cookie cannot loop).
 */
export function useViewerState<T extends { viewer: TViewerSummary }>(source: TViewerSource<T>): TViewerLoad<T> {
  const initial = "initial" in source ? source.initial : null;
  const src = "src" in source ? source.src : null;
  const [fetched, setLoad] = useState<TViewerLoad<T>>({ status: "pending" });
  // A server-given state wins, also when a refresh replaces the shell with a per-request render.
  const load = useMemo<TViewerLoad<T>>(() => (initial ? { status: "ready", state: initial } : fetched), [initial, fetched]);
  useEffect(() => {
    if (!src) return;
    let live = true;
    void fetch(src, { cache: "no-store", credentials: "same-origin", headers: { accept: "application/json" } })
      .then(async (res) => {
        if (!res.ok) throw new Error(String(res.status));
        const state = (await res.json()) as T;
        if (!live) return;
        if (reloadedForAdmin(state.viewer)) return;
        setLoad({ status: "ready", state });
      })
      .catch(() => live && setLoad({ status: "failed" }));
    return () => {
      live = false;
    };
  }, [src]);
  useEffect(() => {
    if (load.status === "ready") publishViewer(load.state.viewer);
  }, [load]);
  return load;
}

/** One context per page kind; the page's islands read it. */
export function createViewerContext<T>() {
  const Context = createContext<TViewerLoad<T>>({ status: "pending" });
  return { Provider: Context.Provider, useLoad: () => useContext(Context) };
}
