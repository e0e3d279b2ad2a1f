import { createHash } from "node:crypto";

/**
 * Ids derived from slugs, so re-importing a course keeps every id (bookmarks, purchases and
 * progress rows keep pointing at the same course and segments).
 * `stableId("segment", "enterprise-software-with-python/overview")` → "seg_3f1c…" (20 hex digits).
 */
const PREFIX = {
  course: "crs",
  author: "aut",
  part: "prt",
  segment: "seg",
  asset: "ast",
} as const;

export type TStableIdKind = keyof typeof PREFIX;

export function stableId(kind: TStableIdKind, key: string): string {
  const hash = createHash("sha256").update(`${kind}:${key}`).digest("hex").slice(0, 20);
  return `${PREFIX[kind]}_${hash}`;
}

export const courseId = (courseSlug: string) => stableId("course", courseSlug);
export const authorId = (courseSlug: string, name: string) => stableId("author", `${courseSlug}/${name}`);
export const partId = (courseSlug: string, partSlug: string) => stableId("part", `${courseSlug}/${partSlug}`);
export const segmentId = (courseSlug: string, segmentSlug: string) =>
  stableId("segment", `${courseSlug}/${segmentSlug}`);
export const assetId = (courseSlug: string, segmentSlug: string, kind: string, label: string) =>
  stableId("asset", `${courseSlug}/${segmentSlug}/${kind}/${label}`);
