import { z } from "zod";
import { capRanges, MAX_STORED_RANGES } from "./watched-ranges";

/** Longest segment a range may describe: anything past it is nonsense, not progress. */
const MAX_SECONDS = 24 * 3600;

export const ZRange = z
  .tuple([z.number().finite().min(0).max(MAX_SECONDS), z.number().finite().min(0).max(MAX_SECONDS)])
  .refine(([start, end]) => end >= start, { message: "a range must end after it starts" });
/** What one report may carry. */
export const ZRanges = z.array(ZRange).max(MAX_STORED_RANGES);

/**
 * Parses the stored JSON column. Any length is accepted (rows written before the cap existed
 * can hold more) and coalesced to the cap, never discarded; only a corrupt value counts as
 * nothing watched rather than a crash.
 */
export function parseStoredRanges(json: string): [number, number][] {
  try {
    const parsed = z.array(ZRange).safeParse(JSON.parse(json));
    return parsed.success ? capRanges(parsed.data) : [];
  } catch {
    return [];
  }
}
