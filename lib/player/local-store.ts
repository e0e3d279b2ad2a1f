import { DEFAULT_PREFERENCES, sanitizePreferences, type TPlayerPreferences } from "../progress/preference-values";
import { capRanges, type TRange } from "../progress/watched-ranges";

/**
 * What anonymous viewers keep in localStorage: player preferences and the ranges they
 * watched of free-preview segments. The progress is posted to the account (and removed here)
 * once they sign in (components/progress/progress-sync.tsx). Every read is validated (by
 * hand: zod would weigh on the player page's bundle): the storage is the user's to edit,
 * and the server validates again whatever is posted.
 */
const PREFS_KEY = "lectern:player-preferences:v1";
const PROGRESS_KEY = "lectern:progress:v1";

export type TLocalEntry = { ranges: [number, number][]; positionSeconds: number; updatedAt: number };
const KEY = /^[a-z0-9-]{1,100}\/[a-z0-9-]{1,100}$/;
const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);

function toEntry(value: unknown): TLocalEntry | null {
  if (!value || typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (!Array.isArray(v.ranges) || !finite(v.positionSeconds) || v.positionSeconds < 0 || !finite(v.updatedAt)) return null;
  // Any number is read and coalesced to the cap (capRanges), never truncated (issue 8).
  const ranges = v.ranges.filter((r): r is [number, number] => Array.isArray(r) && r.length === 2 && finite(r[0]) && finite(r[1]) && r[0] >= 0 && r[1] >= r[0]);
  return { ranges: capRanges(ranges), positionSeconds: v.positionSeconds, updatedAt: v.updatedAt };
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // disabled storage (privacy mode) → nothing remembered
  }
}

function readJson(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw);
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
  return { ...DEFAULT_PREFERENCES, ...sanitizePreferences(readJson(PREFS_KEY)) };
}

export function saveLocalPreferences(patch: Partial<TPlayerPreferences>): void {
  writeJson(PREFS_KEY, { ...readLocalPreferences(), ...patch });
}

export function readLocalProgress(): Record<string, TLocalEntry> {
  const raw = readJson(PROGRESS_KEY);
  const out: Record<string, TLocalEntry> = {};
  if (!raw || typeof raw !== "object") return out;
  for (const [key, value] of Object.entries(raw)) {
    const entry = KEY.test(key) ? toEntry(value) : null;
    if (entry) out[key] = entry;
  }
  return out;
}

export function localProgressKey(course: string, segment: string): string {
  return `${course}/${segment}`;
}

/** Merges `ranges` into the stored entry (a union, like the server) and sets the position. */
export function saveLocalProgress(key: string, ranges: readonly TRange[], positionSeconds: number): TLocalEntry {
  const all = readLocalProgress();
  const entry = {
    // Capped like the server's, so ProgressSync's post stays within what /api/progress accepts.
    ranges: capRanges([...(all[key]?.ranges ?? []), ...ranges]),
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
