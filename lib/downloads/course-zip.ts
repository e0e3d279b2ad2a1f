import { createHash } from "node:crypto";
import fs from "node:fs";
import { Readable } from "node:stream";
import { makeZip, predictLength } from "client-zip";
import type { TRepresentation } from "../media/http-conditional-range";
import type { TCourseDownloads } from "./load-course-downloads";
import { renderCourseReadme } from "./render-course-readme";

export type TZipEntry = {
  /** Path inside the archive, forward slashes. */
  name: string;
  size: number;
  lastModified: Date;
  /** A file on disk, or in-memory bytes (the README). */
  source: { file: string } | { bytes: Uint8Array };
};

export type TCourseZip = { entries: TZipEntry[]; representation: TRepresentation };

/** Whole seconds: zip and HTTP dates have no finer resolution, and ETags must not flap. */
const seconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000);

/**
 * The course ZIP's layout, decided before the first byte: README.txt, then per part a folder
 * with each segment's MP4 and its captions (.vtt). Stored, not compressed (video does not
 * compress, and store mode makes the length predictable). Timestamps come from the media files
 * (the README takes the newest), so the same media always gives the same bytes, length and
 * ETag — which is what makes Range/If-Range resumption byte-identical.
 * See docs/decisions/006-downloads-and-course-zip.md.
 */
export function planCourseZip(d: TCourseDownloads): TCourseZip {
  const files: TZipEntry[] = [];
  for (const part of d.parts) {
    for (const s of part.segments) {
      if (s.mp4) {
        files.push({ name: `${part.folder}/${s.baseName}.mp4`, size: s.mp4.bytes, lastModified: seconds(s.mp4.mtimeMs), source: { file: s.mp4.file } });
      }
      if (s.captions) {
        files.push({ name: `${part.folder}/${s.baseName}.en.vtt`, size: s.captions.bytes, lastModified: seconds(s.captions.mtimeMs), source: { file: s.captions.file } });
      }
    }
  }
  const newest = files.reduce((max, f) => Math.max(max, f.lastModified.getTime()), 0);
  const readme = new TextEncoder().encode(renderCourseReadme(d));
  const entries: TZipEntry[] = [
    { name: "README.txt", size: readme.byteLength, lastModified: new Date(newest), source: { bytes: readme } },
    ...files,
  ];
  const size = Number(predictLength(entries.map((e) => ({ name: e.name, size: e.size, lastModified: e.lastModified }))));
  const hash = createHash("sha256").update("lectern-zip-v1");
  for (const e of entries) hash.update(`\0${e.name}\0${e.size}\0${e.lastModified.getTime()}`);
  hash.update(readme);
  return {
    entries,
    representation: { size, etag: `"zip-${hash.digest("base64url").slice(0, 27)}"`, lastModified: new Date(newest) },
  };
}

async function* zipInputs(entries: TZipEntry[]) {
  for (const e of entries) {
    // Opened one at a time, as the archive reaches it.
    const input =
      "file" in e.source
        ? (Readable.toWeb(fs.createReadStream(e.source.file, { highWaterMark: 256 * 1024 })) as ReadableStream<Uint8Array>)
        : e.source.bytes;
    yield { name: e.name, lastModified: e.lastModified, size: e.size, input };
  }
}

/**
 * Bytes `start..end` (inclusive) of the archive, streamed: client-zip writes the archive from
 * its first byte and everything before `start` is discarded as it goes (memory stays flat;
 * a resume at 70 % re-reads 70 % of the media from disk — measured in bench/media-delivery.ts).
 * Errors if a file changed size since planning, so a stale plan never sends a corrupt archive.
 */
export function streamCourseZip(zip: TCourseZip, start = 0, end = zip.representation.size - 1): ReadableStream<Uint8Array> {
  const source = makeZip(zipInputs(zip.entries), { buffersAreUTF8: true }).getReader();
  let position = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const { done, value } = await source.read();
          if (done) {
            if (position !== zip.representation.size) {
              controller.error(new Error(`course zip is ${position} bytes, planned ${zip.representation.size}`));
            } else controller.close();
            return;
          }
          const chunkStart = position;
          position += value.byteLength;
          if (position <= start) continue; // still before the range
          const from = Math.max(0, start - chunkStart);
          const to = Math.min(value.byteLength, end + 1 - chunkStart);
          if (to > from) controller.enqueue(value.subarray(from, to));
          if (position > end) {
            controller.close();
            await source.cancel().catch(() => {});
          }
          return;
        }
      },
      async cancel(reason) {
        await source.cancel(reason).catch(() => {});
      },
    },
    { highWaterMark: 0 },
  );
}
