import fs from "node:fs";
import type { Db } from "../db";
import type { TMediaFacts } from "../ingest/media-facts";
import { assetId } from "../ingest/stable-id";
import { resolveInside } from "../media/resolve-inside";
import type { TJobLease } from "./job-lease";

/** Captions uploaded in /admin live here, inside the segment's folder, apart from any media version. */
export const UPLOADED_CAPTIONS_DIR = "captions";

export class LeaseLostError extends Error {
  constructor() {
    super("The job's lease was lost to another worker; its result was not used.");
    this.name = "LeaseLostError";
  }
}

/**
 * Switches a segment to the media of a finished job, in one transaction with the job's success:
 * the new media is already complete on disk in `<course>/<segment>/<version>/`, so learners see
 * either the old media or the new, never a mix. Asset rows of the old media are replaced (ids
 * stay the importer's stable ids); captions an admin uploaded are kept unless the new media
 * brings the same language. Conditional on the lease: a worker that lost its job changes nothing.
 * Returns the old media's files, for the caller to delete after the commit.
 */
export async function swapSegmentMedia(
  db: Db,
  input: { lease: TJobLease; segmentId: string; courseSlug: string; segmentSlug: string; version: string; facts: TMediaFacts; now?: Date },
): Promise<{ replacedPaths: string[] }> {
  const { lease, segmentId, courseSlug, segmentSlug, version, facts } = input;
  const now = input.now ?? new Date();
  const prefix = `${courseSlug}/${segmentSlug}/`;
  return db.$transaction(
    async (tx) => {
      const done = await tx.transcodeJob.updateMany({
        where: { ...lease, status: "running" },
        data: { status: "succeeded", progress: 1, error: null, leaseToken: null, leaseUntil: null, finishedAt: now },
      });
      if (done.count !== 1) throw new LeaseLostError();

      const old = await tx.mediaAsset.findMany({ where: { segmentId }, select: { id: true, kind: true, label: true, path: true } });
      const newKeys = new Set(facts.assets.map((a) => `${a.kind}/${a.label}`));
      const keep = old.filter(
        (a) => a.kind === "captions" && a.path.startsWith(`${prefix}${UPLOADED_CAPTIONS_DIR}/`) && !newKeys.has(`${a.kind}/${a.label}`),
      );
      const replaced = old.filter((a) => !keep.includes(a));
      await tx.mediaAsset.deleteMany({ where: { id: { in: replaced.map((a) => a.id) } } });
      for (const asset of facts.assets) {
        await tx.mediaAsset.create({
          data: {
            id: assetId(courseSlug, segmentSlug, asset.kind, asset.label),
            segmentId,
            kind: asset.kind,
            label: asset.label,
            path: `${prefix}${version}/${asset.path}`,
            mimeType: asset.mimeType,
            bytes: asset.bytes,
            width: asset.width ?? null,
            height: asset.height ?? null,
            bandwidth: asset.bandwidth ?? null,
            language: asset.language ?? null,
          },
          select: { id: true },
        });
      }
      await tx.segment.update({ where: { id: segmentId }, data: { durationSeconds: facts.durationSeconds }, select: { id: true } });
      return { replacedPaths: replaced.map((a) => a.path).filter((p) => !p.startsWith(`${prefix}${version}/`)) };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/**
 * Deletes the files of media a swap replaced. A versioned media folder (`<course>/<segment>/v-…/`)
 * goes whole; media an import wrote straight into the segment's folder goes file by file, with
 * the rendition folders of its HLS variants. Never deletes outside MEDIA_ROOT nor the segment's
 * folder itself; missing files are fine (a second run after a crash).
 */
export function deleteReplacedMedia(mediaRoot: string, courseSlug: string, segmentSlug: string, paths: string[]): void {
  const prefix = `${courseSlug}/${segmentSlug}/`;
  const targets = new Set<string>();
  for (const p of paths) {
    if (!p.startsWith(prefix)) continue;
    const rest = p.slice(prefix.length).split("/");
    if (rest.length > 1 && rest[0] !== UPLOADED_CAPTIONS_DIR) targets.add(rest[0]!); // a version or rendition folder
    else targets.add(rest.join("/"));
  }
  for (const t of targets) {
    const full = resolveInside(mediaRoot, courseSlug, segmentSlug, ...t.split("/"));
    if (full) fs.rmSync(full, { recursive: true, force: true });
  }
}
