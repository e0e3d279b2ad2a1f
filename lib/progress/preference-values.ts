// Player preference values shared by the browser and the server, without zod (the player
// page's bundle). The server validates with the schemas in preferences.ts.
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export type TPlayerPreferences = {
  playbackRate: number;
  /** 0–1 */
  volume: number;
  muted: boolean;
  autoAdvance: boolean;
  /** Caption language, or null for off. */
  captions: string | null;
};

export const DEFAULT_PREFERENCES: TPlayerPreferences = {
  playbackRate: 1,
  volume: 1,
  muted: false,
  autoAdvance: true,
  captions: null,
};

export const CAPTION_LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;

/** The valid fields of an untrusted object (e.g. localStorage); the rest is dropped. */
export function sanitizePreferences(value: unknown): Partial<TPlayerPreferences> {
  if (!value || typeof value !== "object") return {};
  const v = value as Record<string, unknown>;
  const out: Partial<TPlayerPreferences> = {};
  if (typeof v.playbackRate === "number" && (PLAYBACK_RATES as readonly number[]).includes(v.playbackRate)) out.playbackRate = v.playbackRate;
  if (typeof v.volume === "number" && v.volume >= 0 && v.volume <= 1) out.volume = v.volume;
  if (typeof v.muted === "boolean") out.muted = v.muted;
  if (typeof v.autoAdvance === "boolean") out.autoAdvance = v.autoAdvance;
  if (v.captions === null || (typeof v.captions === "string" && CAPTION_LANGUAGE.test(v.captions))) out.captions = v.captions as string | null;
  return out;
}
