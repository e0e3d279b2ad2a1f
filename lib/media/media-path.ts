import path from "node:path";
import { isSlug } from "../catalog/slug";
import { resolveInside } from "./resolve-inside";

const ALLOWED_EXTENSIONS = new Set([".m3u8", ".ts", ".m4s", ".mp4", ".jpg", ".jpeg", ".png", ".webp", ".vtt"]);
const FILE_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The absolute path of a media file of a segment, or null when the request names anything
 * but a plain media file inside that segment's folder (traversal, hidden files, media.json,
 * unexpected types). Existence is checked by the caller.
 */
export function resolveMediaPath(
  mediaRoot: string,
  courseSlug: string,
  segmentSlug: string,
  fileParts: readonly string[],
): string | null {
  if (!isSlug(courseSlug) || !isSlug(segmentSlug)) return null;
  if (fileParts.length === 0 || fileParts.length > 4) return null;
  if (!fileParts.every((p) => FILE_PART.test(p) && !p.includes(".."))) return null;
  const ext = path.extname(fileParts[fileParts.length - 1] ?? "").toLowerCase();
  if (!ALLOWED_EXTENSIONS.has(ext)) return null;

  return resolveInside(mediaRoot, courseSlug, segmentSlug, ...fileParts);
}

const MIME: Record<string, string> = {
  ".m3u8": "application/vnd.apple.mpegurl",
  ".ts": "video/mp2t",
  ".m4s": "video/iso.segment",
  ".mp4": "video/mp4",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".vtt": "text/vtt; charset=utf-8",
};

export function mimeTypeOf(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}
