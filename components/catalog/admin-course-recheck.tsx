"use client";

import { useEffect } from "react";
import type { TViewerSummary } from "@/lib/viewer/course-viewer-state";
import { reloadedForAdmin } from "./viewer-state";

/**
 * On the viewer shell's "not found" (issue 12, ADR 019): the shared shell only knows published
 * courses, so an admin whose browser lacks the per-request cookie (cleared, or a session from
 * before it existed) got a 404 for their own unpublished course. The course's viewer JSON answers
 * an admin (and sets that cookie): the page is then loaded again, rendered for them. For anyone
 * else the JSON is a 404 too, and the page stays as it is.
 */
export function AdminCourseRecheck() {
  useEffect(() => {
    const slug = /^\/courses\/([^/]+)\/?$/.exec(window.location.pathname)?.[1];
    if (!slug) return;
    let live = true;
    void fetch(`/api/viewer/course/${slug}`, { cache: "no-store", credentials: "same-origin", headers: { accept: "application/json" } })
      .then(async (res) => (res.ok ? ((await res.json()) as { viewer: TViewerSummary }) : null))
      .then((state) => {
        if (live && state) reloadedForAdmin(state.viewer);
      })
      .catch(() => {});
    return () => {
      live = false;
    };
  }, []);
  return null;
}
