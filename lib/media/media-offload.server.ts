import "server-only";
import { loadMediaOffload } from "./media-offload";

// MEDIA_OFFLOAD / MEDIA_OFFLOAD_PREFIX belong in lib/env.ts's ZEnv; read here until they move.
export const mediaOffload = loadMediaOffload(process.env);
