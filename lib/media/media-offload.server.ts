import "server-only";
import { env } from "../env.server";
import { loadMediaOffload } from "./media-offload";

export const mediaOffload = loadMediaOffload(env);
