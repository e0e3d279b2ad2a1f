import type { TReadFileRange } from "./read-file-range";
import type { TZipLayout, TZipPiece } from "./zip-layout";

/** Index of the piece holding byte `at` (pieces are contiguous and sorted by offset). */
function pieceAt(pieces: readonly TZipPiece[], at: number): number {
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid]!.offset <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

async function* rangeChunks(layout: TZipLayout, start: number, end: number, read: TReadFileRange): AsyncGenerator<Uint8Array> {
  for (let i = pieceAt(layout.pieces, start); i < layout.pieces.length; i++) {
    const piece = layout.pieces[i]!;
    if (piece.offset > end) return;
    const from = Math.max(start, piece.offset) - piece.offset;
    const to = Math.min(end, piece.offset + piece.length - 1) - piece.offset;
    if ("bytes" in piece) {
      yield piece.bytes.subarray(from, to + 1);
      continue;
    }
    let got = 0;
    for await (const chunk of read(piece.file, from, to)) {
      got += chunk.byteLength;
      yield chunk;
    }
    // A file cut short since the layout was planned: stop with an error rather than send an
    // archive whose offsets no longer hold (the client sees a broken transfer and retries).
    if (got !== to - from + 1) throw new Error(`${piece.file}: read ${got} bytes at ${from}, expected ${to - from + 1}`);
  }
}

/**
 * Bytes `start..end` (inclusive) of a planned archive, streamed: generated headers from
 * memory and, from the files the range overlaps, exactly the overlapping bytes. Nothing before
 * `start` is produced or read, so a resume costs what it sends (docs/decisions/006).
 */
export function readZipRange(layout: TZipLayout, start: number, end: number, read: TReadFileRange): ReadableStream<Uint8Array> {
  if (!(start >= 0 && end >= start && end < layout.size)) throw new RangeError(`bytes ${start}-${end} outside a ${layout.size}-byte zip`);
  const chunks = rangeChunks(layout, start, end, read);
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const { done, value } = await chunks.next();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        // Closes the file being read (the generator's for-await returns its iterator).
        await chunks.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}
