"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { readLocalProgress, removeLocalProgress } from "@/lib/player/local-store";

/**
 * Anonymous progress → account: once the viewer is signed in, posts each segment's
 * localStorage ranges to /api/progress (the server merges them like any report) and drops
 * them locally. Rendered by pages that know the viewer; `refresh` re-renders server
 * components (course page, catalog) so the merged progress shows at once.
 */
export function ProgressSync({ signedIn, refresh = true }: { signedIn: boolean; refresh?: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!signedIn) return;
    const entries = Object.entries(readLocalProgress());
    if (entries.length === 0) return;
    let cancelled = false;
    void (async () => {
      let merged = 0;
      for (const [key, entry] of entries) {
        const [course, segment] = key.split("/");
        try {
          const res = await fetch("/api/progress", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ course, segment, positionSeconds: entry.positionSeconds, ranges: entry.ranges }),
          });
          // 403/404: a segment this account may not watch or that is gone — nothing to keep.
          if (res.ok || res.status === 403 || res.status === 404 || res.status === 400) removeLocalProgress(key);
          if (res.ok) merged++;
        } catch {
          // offline: try again on the next page
        }
      }
      if (!cancelled && merged > 0 && refresh) router.refresh();
    })();
    return () => {
      cancelled = true;
    };
  }, [signedIn, refresh, router]);
  return null;
}
