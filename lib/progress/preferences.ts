import { z } from "zod";
import type { Db } from "../db";

export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2] as const;

export const ZPlayerPreferences = z.object({
  playbackRate: z.number().refine((r) => (PLAYBACK_RATES as readonly number[]).includes(r), "unsupported playback rate"),
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
  autoAdvance: z.boolean(),
  /** Caption language, or null for off. */
  captions: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/).nullable(),
});
export type TPlayerPreferences = z.infer<typeof ZPlayerPreferences>;
export const ZPlayerPreferencesPatch = ZPlayerPreferences.partial().strict();

export const DEFAULT_PREFERENCES: TPlayerPreferences = {
  playbackRate: 1,
  volume: 1,
  muted: false,
  autoAdvance: true,
  captions: null,
};

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
