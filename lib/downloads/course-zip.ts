import { createHash } from "node:crypto";
import zlib from "node:zlib";
import type { TRepresentation } from "../media/http-conditional-range";
import type { TCourseDownloads, TDownloadFile } from "./load-course-downloads";
import { readFileRange, type TReadFileRange } from "./read-file-range";
import { readZipRange } from "./read-zip-range";
import fs from "node:fs";
import { parseWebVtt, type TVttCue } from "../player/parse-webvtt";
import { renderCourseReadme } from "./render-course-readme";
import { renderOfflineIndex } from "./render-offline-index";
import { planZipLayout, type TZipLayout, type TZipLayoutEntry } from "./zip-layout";

export type TCourseZip = { entries: TZipLayoutEntry[]; layout: TZipLayout; representation: TRepresentation };

/** Whole seconds: zip and HTTP dates have no finer resolution, and ETags must not flap. */
const seconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

/**
 * The cues of a captions file, read once per version of the file (its size:mtime stamp): the
 * offline index.html carries them, and its bytes are needed to lay out every ZIP request.
 */
const cueCache = new Map<string, TVttCue[]>();
function cuesOf(f: TDownloadFile): TVttCue[] {
  const key = `${f.file}\0${f.stamp}`;
  let cues = cueCache.get(key);
  if (!cues) {
    cues = parseWebVtt(fs.readFileSync(f.file, "utf8"));
    if (cueCache.size >= 2000) cueCache.delete(cueCache.keys().next().value!);
    cueCache.set(key, cues);
  }
  return cues;
}

/**
 * README.txt and index.html (the offline player), then per part a folder with each segment's MP4 and its captions, one
 * `<segment>.<language>.vtt` per language.
 * `crc` says what to do with a file's CRC-32: the real plan needs every one; a length alone
 * does not depend on them.
 */
function courseZipEntries(d: TCourseDownloads, crc: (f: TDownloadFile, name: string) => number): TZipLayoutEntry[] {
  const files: TZipLayoutEntry[] = [];
  const add = (name: string, f: TDownloadFile) =>
    files.push({ name, size: f.bytes, lastModified: seconds(f.mtimeMs), crc32: crc(f, name), data: { file: f.file } });
  for (const part of d.parts) {
    for (const s of part.segments) {
      if (s.mp4) add(`${part.folder}/${s.baseName}.mp4`, s.mp4);
      for (const c of s.captions) add(`${part.folder}/${s.baseName}.${c.language}.vtt`, c);
    }
  }
  const newest = files.reduce((max, f) => Math.max(max, f.lastModified.getTime()), 0);
  const readme = new TextEncoder().encode(renderCourseReadme(d));
  const index = new TextEncoder().encode(renderOfflineIndex(d, cuesOf));
  return [
    // Small and generated per request: their CRCs are computed here, in memory.
    { name: "README.txt", size: readme.byteLength, lastModified: new Date(newest), crc32: zlib.crc32(readme), data: { bytes: readme } },
    { name: "index.html", size: index.byteLength, lastModified: new Date(newest), crc32: zlib.crc32(index), data: { bytes: index } },
    ...files,
  ];
}

/**
 * The course ZIP's layout, decided before the first byte: stored, not compressed (video does
 * not compress, and store mode makes every offset computable). Every file's CRC-32 must be
 * known (ensureDownloadCrcs stores them), so the layout — each local header, data offset and
 * the central directory — needs no media read, and any range of it can be served directly.
 * Timestamps come from the media files (the README takes the newest), so the same media give
 * the same bytes, length and ETag; the ETag also covers every CRC, so changed content changes it.
 * See docs/decisions/006-downloads-and-course-zip.md.
 */
export function planCourseZip(d: TCourseDownloads): TCourseZip {
  const entries = courseZipEntries(d, (f, name) => {
    if (f.crc32 === null) throw new Error(`course zip: no CRC-32 for ${name} (ensureDownloadCrcs first)`);
    return f.crc32;
  });
  const layout = planZipLayout(entries);
  const hash = createHash("sha256").update("lectern-zip-v3");
  for (const e of entries) hash.update(`\0${e.name}\0${e.size}\0${e.lastModified.getTime()}\0${e.crc32}`);
  const readme = entries[0]!;
  for (const generated of entries.slice(0, 2)) if ("bytes" in generated.data) hash.update(generated.data.bytes);
  const newest = readme.lastModified;
  return {
    entries,
    layout,
    representation: { size: layout.size, etag: `"zip-${hash.digest("base64url").slice(0, 27)}"`, lastModified: newest },
  };
}

/** The archive's exact length, for display: lengths don't depend on CRCs, so none is needed. */
export function courseZipSize(d: TCourseDownloads): number {
  return planZipLayout(courseZipEntries(d, () => 0)).size;
}

/**
 * Bytes `start..end` (inclusive) of the archive: headers from the plan, and from the media
 * only the bytes the range overlaps (a 10-byte resume at the end reads no media at all).
 * Errors if a file got shorter since planning, so a stale plan never sends a corrupt archive.
 */
export function streamCourseZip(
  zip: TCourseZip,
  start = 0,
  end = zip.representation.size - 1,
  read: TReadFileRange = readFileRange,
): ReadableStream<Uint8Array> {
  return readZipRange(zip.layout, start, end, read);
}
