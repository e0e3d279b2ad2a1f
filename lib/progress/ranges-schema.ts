import { z } from "zod";
import { normalizeRanges } from "./watched-ranges";

/** Longest segment a range may describe: anything past it is nonsense, not progress. */
const MAX_SECONDS = 24 * 3600;

export const ZRange = z
  .tuple([z.number().finite().min(0).max(MAX_SECONDS), z.number().finite().min(0).max(MAX_SECONDS)])
  .refine(([start, end]) => end >= start, { message: "a range must end after it starts" });
export const ZRanges = z.array(ZRange).max(500);

/** Parses the stored JSON column; a corrupt value counts as nothing watched rather than a crash. */
export function parseStoredRanges(json: string): [number, number][] {
  try {
    const parsed = ZRanges.safeParse(JSON.parse(json));
    return parsed.success ? normalizeRanges(parsed.data) : [];
  } catch {
    return [];
  }
}
