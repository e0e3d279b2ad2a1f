import "server-only";
import { loadEnv } from "./env";

export type { TEnv } from "./env";

/** The validated environment. The only place server code reads `process.env` from. */
export const env = loadEnv(process.env);
