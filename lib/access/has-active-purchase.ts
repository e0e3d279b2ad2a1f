import type { Db } from "../db";

/** The entitlement check: an active (not refunded) purchase of the course. */
export async function hasActivePurchase(db: Db, userId: string, courseId: string): Promise<boolean> {
  const purchase = await db.purchase.findUnique({
    where: { userId_courseId: { userId, courseId } },
    select: { status: true },
  });
  return purchase?.status === "active";
}
