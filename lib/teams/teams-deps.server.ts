import "server-only";
import { db } from "../db.server";
import { env } from "../env.server";
import type { TTeamMailDeps } from "./invite-member";

/** What the team functions need in the running app. */
export const teamDeps = { db, env, now: () => new Date() } satisfies TTeamMailDeps;
