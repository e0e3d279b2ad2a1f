import { COUPON_SELECT } from "../../commerce/check-coupon";
import type { Db } from "../../db";

// The list and a coupon's page show of a coupon what a checkout checks of it (COUPON_SELECT):
// its code, discount, course, limits and state — one list of columns for all three.

/** Every coupon, newest first, with its course and how many paid (or later refunded) orders used it. */
export async function listAdminCoupons(db: Db) {
  const coupons = await db.coupon.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      ...COUPON_SELECT,
      course: { select: { title: true, currency: true } },
      _count: { select: { orders: { where: { status: { in: ["paid", "refunded"] } } } } },
    },
  });
  return coupons.map(({ _count, ...c }) => ({ ...c, paidOrders: _count.orders }));
}

/** One coupon and the orders that used it (any status, newest first); null when unknown. */
export async function loadAdminCoupon(db: Db, couponId: string) {
  return db.coupon.findUnique({
    where: { id: couponId },
    select: {
      ...COUPON_SELECT,
      createdAt: true,
      course: { select: { id: true, title: true, currency: true } },
      orders: {
        orderBy: { createdAt: "desc" },
        take: 500,
        select: { id: true, number: true, buyerEmail: true, status: true, totalCents: true, discountCents: true, currency: true, createdAt: true },
      },
    },
  });
}
