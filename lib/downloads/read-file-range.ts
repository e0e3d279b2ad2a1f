import fs from "node:fs";

/**
 * Bytes `start..end` (inclusive, like HTTP ranges) of a file, as chunks. The course ZIP reads
 * media only through one of these, so a test can count exactly what a request read from disk.
 */
export type TReadFileRange = (file: string, start: number, end: number) => AsyncIterable<Uint8Array>;

export const readFileRange: TReadFileRange = (file, start, end) =>
  fs.createReadStream(file, { start, end, highWaterMark: 256 * 1024 });
