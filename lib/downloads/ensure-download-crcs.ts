import zlib from "node:zlib";
import type { Db } from "../db";
import { loadCourseDownloads, type TCourseDownloads, type TDownloadFile } from "./load-course-downloads";
import { readFileRange, type TReadFileRange } from "./read-file-range";

/** Unsigned CRC-32 of a whole file, read once from start to end. */
async function crc32OfFile(f: TDownloadFile, read: TReadFileRange): Promise<number> {
  if (f.bytes === 0) return 0;
  let crc = 0;
  let got = 0;
  for await (const chunk of read(f.file, 0, f.bytes - 1)) {
    crc = zlib.crc32(chunk, crc);
    got += chunk.byteLength;
  }
  if (got !== f.bytes) throw new Error(`${f.file}: read ${got} bytes, expected ${f.bytes}`);
  return crc >>> 0;
}

/**
 * One computation per file version in this process, however many requests arrive at once
 * (requests that loaded the rows before the first stored the CRC find it here). Keyed by the
 * stamp, so an entry is never stale; dropped on failure so a read error is retried.
 */
const computed = new Map<string, Promise<number>>();
const MAX_REMEMBERED = 10_000;

/**
 * The course's downloads with every file's CRC-32 known. A file without a stored CRC for its
 * current stamp (imported before CRCs existed, or changed on disk since) is read once, and
 * its CRC stored on its MediaAsset row, so later requests — and any range of the ZIP — read
 * nothing to plan the archive. The stamp stored is the one taken before reading: a file
 * rewritten meanwhile has a newer one, so the CRC is recomputed rather than trusted.
 */
export async function ensureDownloadCrcs(db: Db, d: TCourseDownloads, read: TReadFileRange = readFileRange): Promise<TCourseDownloads> {
  const fill = async (f: TDownloadFile | null): Promise<TDownloadFile | null> => {
    if (!f || f.crc32 !== null) return f;
    const key = `${f.file}\0${f.stamp}`;
    let crc = computed.get(key);
    if (!crc) {
      if (computed.size >= MAX_REMEMBERED) computed.clear();
      crc = crc32OfFile(f, read);
      crc.catch(() => computed.delete(key));
      computed.set(key, crc);
    }
    const crc32 = await crc;
    // Signed in the column (int4 in PostgreSQL); updateMany: a row removed by a re-import meanwhile is no error.
    await db.mediaAsset.updateMany({ where: { id: f.assetId }, data: { crc32: crc32 | 0, crc32Stamp: f.stamp } });
    return { ...f, crc32 };
  };
  const parts = [];
  // One file at a time: the first request after an import reads the course once, sequentially.
  for (const part of d.parts) {
    const segments = [];
    for (const s of part.segments) {
      const captions = [];
      for (const c of s.captions) captions.push({ ...(await fill(c))!, language: c.language });
      segments.push({ ...s, mp4: await fill(s.mp4), captions });
    }
    parts.push({ ...part, segments });
  }
  return { ...d, parts };
}

/** For the seed, after importing a course: compute and store the CRCs its ZIP will need. */
export async function storeCourseZipCrcs(db: Db, mediaRoot: string, courseSlug: string): Promise<void> {
  const downloads = await loadCourseDownloads(db, mediaRoot, courseSlug);
  if (downloads) await ensureDownloadCrcs(db, downloads);
}
