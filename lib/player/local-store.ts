import { ZPlayerPreferences, DEFAULT_PREFERENCES, type TPlayerPreferences } from "../progress/preferences";
import { normalizeRanges, ZRanges, type TRange } from "../progress/watched-ranges";
import { z } from "zod";

/**
 * What anonymous viewers keep in localStorage: player preferences and the ranges they
 * watched of free-preview segments. The progress is posted to the account (and removed here)
 * once they sign in (components/progress/progress-sync.tsx). Every read is validated: the
 * storage is the user's to edit.
 */
const PREFS_KEY = "lectern:player-preferences:v1";
const PROGRESS_KEY = "lectern:progress:v1";

const ZLocalEntry = z.object({ ranges: ZRanges, positionSeconds: z.number().finite().min(0), updatedAt: z.number() });
const ZLocalProgress = z.record(z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/), ZLocalEntry);
export type TLocalEntry = z.infer<typeof ZLocalEntry>;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // disabled storage (privacy mode) → nothing remembered
  }
}

function readJson<T>(key: string, schema: z.ZodType<T>): T | null {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function writeJson(key: string, value: unknown): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // quota exceeded: progress is a convenience, not worth an error
  }
}

export function readLocalPreferences(): TPlayerPreferences {
  return { ...DEFAULT_PREFERENCES, ...(readJson(PREFS_KEY, ZPlayerPreferences.partial()) ?? {}) };
}

export function saveLocalPreferences(patch: Partial<TPlayerPreferences>): void {
  writeJson(PREFS_KEY, { ...readLocalPreferences(), ...patch });
}

export function readLocalProgress(): Record<string, TLocalEntry> {
  return readJson(PROGRESS_KEY, ZLocalProgress) ?? {};
}

export function localProgressKey(course: string, segment: string): string {
  return `${course}/${segment}`;
}

/** Merges `ranges` into the stored entry (a union, like the server) and sets the position. */
export function saveLocalProgress(key: string, ranges: readonly TRange[], positionSeconds: number): TLocalEntry {
  const all = readLocalProgress();
  const entry = {
    ranges: normalizeRanges([...(all[key]?.ranges ?? []), ...ranges]),
    positionSeconds: Math.max(0, positionSeconds),
    updatedAt: Date.now(),
  };
  writeJson(PROGRESS_KEY, { ...all, [key]: entry });
  return entry;
}

export function removeLocalProgress(key: string): void {
  const all = readLocalProgress();
  delete all[key];
  writeJson(PROGRESS_KEY, all);
}
