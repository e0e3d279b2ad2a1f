import type { Db } from "../../db";
import type { Prisma } from "../../generated/sqlite/client";

/** What the coupon list and a coupon's page both show of it. */
const COUPON_FIELDS = {
  id: true,
  code: true,
  description: true,
  kind: true,
  percentOff: true,
  amountOffCents: true,
  expiresAt: true,
  maxRedemptions: true,
  redemptions: true,
  active: true,
} as const satisfies Prisma.CouponSelect;

/** Every coupon, newest first, with its course and how many paid (or later refunded) orders used it. */
export async function listAdminCoupons(db: Db) {
  const coupons = await db.coupon.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      ...COUPON_FIELDS,
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
      ...COUPON_FIELDS,
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
