import { z } from "zod";
import type { Db } from "../../db";

export const AUDIT_PER_PAGE = 50;

const optional = (max: number) => z.string().trim().max(max).catch("");

/** /admin/audit filters from the query string; anything malformed is dropped, never a 500. */
export const ZAuditFilter = z.object({
  /** "course", "coupon", "order", "part", "segment" or "" (all). */
  target: z.enum(["", "course", "part", "segment", "coupon", "order", "upload", "job"]).catch(""),
  /** Part of the admin's e-mail. */
  actor: optional(254),
  /** Part of the action name, e.g. "refund" or "segment.move". */
  action: optional(60),
  /** An exact target id (links from a course or order page). */
  targetId: optional(64),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type TAuditFilter = z.infer<typeof ZAuditFilter>;

/** Audit rows newest first, 50 a page, filtered by target type, actor, action and target id. */
export async function listAuditLog(db: Db, filter: TAuditFilter) {
  const where = {
    ...(filter.target ? { targetType: filter.target } : {}),
    ...(filter.actor ? { actorEmail: { contains: filter.actor.toLowerCase() } } : {}),
    ...(filter.action ? { action: { contains: filter.action.toLowerCase() } } : {}),
    ...(filter.targetId ? { targetId: filter.targetId } : {}),
  };
  const [total, entries] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * AUDIT_PER_PAGE,
      take: AUDIT_PER_PAGE,
      select: { id: true, actorEmail: true, action: true, targetType: true, targetId: true, before: true, after: true, createdAt: true },
    }),
  ]);
  return { entries, total, page: filter.page, pages: Math.max(1, Math.ceil(total / AUDIT_PER_PAGE)) };
}
