import "server-only";
import { db } from "../db.server";
import { env } from "../env.server";
import type { TPlaybackDeps } from "./issue-playback";

export const playbackDeps: TPlaybackDeps = {
  db,
  secret: env.MEDIA_SIGNING_KEY,
  ttlSeconds: env.STREAM_TOKEN_TTL_SECONDS,
  nowSeconds: () => Math.floor(Date.now() / 1000),
  mp4Origin: env.PLAYER_MP4_ORIGIN ?? null,
};
