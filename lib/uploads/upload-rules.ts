import path from "node:path";
import { z } from "zod";

/**
 * What an admin may upload through tus (docs/decisions/012-jobs-and-uploads.md): a source video
 * for a segment, or a captions file for it. Pure: the tus route calls decideUpload when an upload
 * is created, before a byte of it is stored.
 */

/** The browser sends file chunks of this size (tus-js-client `chunkSize`). */
export const UPLOAD_CHUNK_BYTES = 1024 * 1024;
/**
 * The largest PATCH body the edge lets through to the tus route: two chunks' worth, and no more
 * than Next's limit on a body it buffers (next.config.js proxyClientMaxBodySize, 2 MB), so a
 * chunk would fit even where Next held it whole; tus itself streams it to disk.
 */
export const UPLOAD_PATCH_MAX_BYTES = 2 * 1024 * 1024;
/** Captions are text: a feature film's are ~100 KB. */
export const CAPTIONS_MAX_BYTES = 2 * 1024 * 1024;

/** Containers Debian's ffmpeg reads and browsers label; the transcode decides the rest. */
export const VIDEO_EXTENSIONS = [".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".mts", ".ts", ".mpg", ".mpeg", ".ogv"] as const;
export const CAPTIONS_EXTENSIONS = [".vtt", ".srt"] as const;

/** BCP 47-ish: "en", "pt-BR", "zh-Hant". */
const LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$/;

/** tus Upload-Metadata as the browser sends it (lib/uploads/upload-client-options.ts). */
export const ZUploadMetadata = z.object({
  segmentId: z.string().min(1, "name the segment the file is for").max(64),
  kind: z.enum(["video", "captions"], { message: 'must be "video" or "captions"' }),
  filename: z
    .string()
    .trim()
    .min(1, "the file needs a name")
    .max(255, "the file name is longer than 255 characters"),
  filetype: z.string().max(255).optional().default(""),
  language: z.string().regex(LANGUAGE, 'must be a language code like "en" or "pt-BR"').optional(),
});
export type TUploadMetadata = z.infer<typeof ZUploadMetadata>;

export type TUploadDecision = { ok: true; metadata: TUploadMetadata } | { ok: false; message: string };

/**
 * Whether an upload may start: known metadata, a video or captions file by its name and type,
 * a declared size within the limit for its kind. `size` is undefined when the client deferred
 * the length (tus Upload-Defer-Length), which is refused: the limit must be known up front.
 */
export function decideUpload(input: {
  metadata: Record<string, string | null | undefined>;
  size: number | undefined;
  maxVideoBytes: number;
}): TUploadDecision {
  const parsed = ZUploadMetadata.safeParse(
    Object.fromEntries(Object.entries(input.metadata).filter(([, v]) => v !== null && v !== undefined)),
  );
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `Upload-Metadata ${issue?.path.join(".") || "?"}: ${issue?.message ?? "invalid"}` };
  }
  const metadata = parsed.data;
  const ext = path.extname(metadata.filename).toLowerCase();
  if (input.size === undefined) return { ok: false, message: "The upload must declare its length (Upload-Length)." };
  if (input.size === 0) return { ok: false, message: `${metadata.filename} is empty.` };

  if (metadata.kind === "video") {
    const typeOk = metadata.filetype === "" || metadata.filetype.startsWith("video/") || metadata.filetype === "application/octet-stream";
    if (!(VIDEO_EXTENSIONS as readonly string[]).includes(ext) || !typeOk) {
      return {
        ok: false,
        message: `${metadata.filename} is not a video file (expected ${VIDEO_EXTENSIONS.join(", ")}).`,
      };
    }
    if (input.size > input.maxVideoBytes) {
      return { ok: false, message: `${metadata.filename} is larger than the ${formatLimit(input.maxVideoBytes)} upload limit.` };
    }
    return { ok: true, metadata };
  }

  if (!(CAPTIONS_EXTENSIONS as readonly string[]).includes(ext)) {
    return { ok: false, message: `${metadata.filename} is not a captions file (expected .vtt or .srt).` };
  }
  if (input.size > CAPTIONS_MAX_BYTES) {
    return { ok: false, message: `${metadata.filename} is larger than the ${formatLimit(CAPTIONS_MAX_BYTES)} captions limit.` };
  }
  return { ok: true, metadata: { ...metadata, language: metadata.language ?? "en" } };
}

function formatLimit(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  if (gib >= 1) return `${Number.isInteger(gib) ? gib : gib.toFixed(1)} GiB`;
  return `${Math.round(bytes / 1024 ** 2)} MiB`;
}
