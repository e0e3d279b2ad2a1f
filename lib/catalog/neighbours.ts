import type { TToc, TTocSegment } from "./get-course-toc";

/** The segments before and after `slug` in course order (across parts). */
export function neighbours(toc: TToc, slug: string): { previous: TTocSegment | null; next: TTocSegment | null } {
  const all = toc.parts.flatMap((p) => p.segments);
  const i = all.findIndex((s) => s.slug === slug);
  if (i < 0) return { previous: null, next: null };
  return { previous: all[i - 1] ?? null, next: all[i + 1] ?? null };
}
