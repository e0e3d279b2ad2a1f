import "server-only";
import { createDb, type Db } from "./db";
import { env } from "./env.server";

// One client per process; kept on globalThis so `next dev` reloads don't open a new pool each time.
const globalForDb = globalThis as unknown as { lecternDb?: Db };

export const db: Db = globalForDb.lecternDb ?? createDb(env.DATABASE_URL);
if (env.NODE_ENV !== "production") globalForDb.lecternDb = db;
