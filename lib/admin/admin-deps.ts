import type { Db } from "../db";
import type { TAuditActor } from "./write-audit";

/** What every admin mutation needs: the database, a clock (tests pin it) and who is acting. */
export type TAdminDeps = { db: Db; now?: () => Date; actor: TAuditActor };

export const nowOf = (deps: { now?: () => Date }) => deps.now?.() ?? new Date();

/** A unique-constraint violation (both providers' adapters report Prisma's P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

/** A transaction PostgreSQL aborted for a write conflict or deadlock (Prisma's P2034). */
export function isWriteConflict(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2034";
}
