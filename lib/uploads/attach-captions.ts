import fs from "node:fs";
import path from "node:path";
import type { Db } from "../db";
import { notFound } from "../errors";
import { assetId } from "../ingest/stable-id";
import { UPLOADED_CAPTIONS_DIR } from "../jobs/swap-segment-media";
import { resolveInside } from "../media/resolve-inside";
import { captionsToWebVtt } from "./captions-to-webvtt";

export class CaptionsRejected extends Error {}

/**
 * Makes an uploaded captions file (.vtt or .srt) a segment's captions in `language` at once (no
 * transcode needed): written as WebVTT to `<course>/<segment>/captions/<language>-<upload>.vtt`,
 * outside any media version so a later video upload keeps it, and the segment's captions row for
 * that language points at it. The file it replaces is deleted after the row has moved.
 */
export async function attachCaptions(
  db: Db,
  input: { mediaRoot: string; segmentId: string; uploadFile: string; uploadId: string; filename: string; language: string },
): Promise<{ path: string }> {
  const segment = await db.segment.findUnique({ where: { id: input.segmentId }, select: { slug: true, course: { select: { slug: true } } } });
  if (!segment) throw notFound("Segment");
  const converted = captionsToWebVtt(fs.readFileSync(input.uploadFile, "utf8"), input.filename);
  if (!converted.ok) throw new CaptionsRejected(converted.message);

  const name = `${input.language}-${input.uploadId.slice(0, 12)}.vtt`;
  const file = resolveInside(input.mediaRoot, segment.course.slug, segment.slug, UPLOADED_CAPTIONS_DIR, name);
  if (!file) throw new CaptionsRejected("The captions cannot be stored for this segment.");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(`${file}.tmp`, converted.vtt);
  fs.renameSync(`${file}.tmp`, file);

  const rel = `${segment.course.slug}/${segment.slug}/${UPLOADED_CAPTIONS_DIR}/${name}`;
  const data = { path: rel, mimeType: "text/vtt", bytes: Buffer.byteLength(converted.vtt), language: input.language };
  const before = await db.mediaAsset.findUnique({
    where: { segmentId_kind_label: { segmentId: input.segmentId, kind: "captions", label: input.language } },
    select: { path: true },
  });
  await db.mediaAsset.upsert({
    where: { segmentId_kind_label: { segmentId: input.segmentId, kind: "captions", label: input.language } },
    create: { id: assetId(segment.course.slug, segment.slug, "captions", input.language), segmentId: input.segmentId, kind: "captions", label: input.language, ...data },
    update: data,
    select: { id: true },
  });
  if (before && before.path !== rel && before.path.startsWith(`${segment.course.slug}/${segment.slug}/${UPLOADED_CAPTIONS_DIR}/`)) {
    const old = resolveInside(input.mediaRoot, ...before.path.split("/"));
    if (old) fs.rmSync(old, { force: true });
  }
  fs.rmSync(input.uploadFile, { force: true });
  fs.rmSync(`${input.uploadFile}.json`, { force: true });
  return { path: rel };
}
