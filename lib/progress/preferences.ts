import { z } from "zod";
import type { Db } from "../db";
import { CAPTION_LANGUAGE, DEFAULT_PREFERENCES, PLAYBACK_RATES, type TPlayerPreferences } from "./preference-values";

export { DEFAULT_PREFERENCES, PLAYBACK_RATES, type TPlayerPreferences };

export const ZPlayerPreferences = z.object({
  playbackRate: z.number().refine((r) => (PLAYBACK_RATES as readonly number[]).includes(r), "unsupported playback rate"),
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
  autoAdvance: z.boolean(),
  /** Caption language, or null for off. */
  captions: z.string().regex(CAPTION_LANGUAGE).nullable(),
}) satisfies z.ZodType<TPlayerPreferences>;
export const ZPlayerPreferencesPatch = ZPlayerPreferences.partial().strict();

const SELECT = { playbackRate: true, volume: true, muted: true, autoAdvance: true, captions: true } as const;

export async function readPreferences(db: Db, userId: string): Promise<TPlayerPreferences> {
  const row = await db.userPreference.findUnique({ where: { userId }, select: SELECT });
  return row ?? DEFAULT_PREFERENCES;
}

/** Upserts only the fields given (last write wins per field). */
export async function savePreferences(
  db: Db,
  userId: string,
  patch: z.infer<typeof ZPlayerPreferencesPatch>,
): Promise<TPlayerPreferences> {
  return db.userPreference.upsert({
    where: { userId },
    create: { userId, ...DEFAULT_PREFERENCES, ...patch },
    update: patch,
    select: SELECT,
  });
}
