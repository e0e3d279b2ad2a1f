import type { Db } from "../db";

type TSeedCoupon = {
  code: string;
  description: string;
  kind: "percent" | "fixed";
  percentOff?: number;
  amountOffCents?: number;
  expiresAt?: Date;
  maxRedemptions?: number;
};

export const SEED_COUPONS: readonly TSeedCoupon[] = [
  { code: "LAUNCH50", description: "Launch offer: 50% off every course", kind: "percent", percentOff: 50 },
  {
    code: "EARLYBIRD",
    description: "Early-bird offer (expired example)",
    kind: "percent",
    percentOff: 30,
    expiresAt: new Date("2024-01-01T00:00:00Z"),
  },
  {
    code: "FRIEND10",
    description: "$10 off, single use (example)",
    kind: "fixed",
    amountOffCents: 1000,
    maxRedemptions: 1,
  },
];

/**
 * Creates the demo coupons (LAUNCH50, an expired EARLYBIRD, a single-use FRIEND10) if they
 * are missing. Idempotent: an existing code is left alone, redemptions and edits included.
 * Called from prisma/seed.ts; tests may call it too.
 */
export async function seedCoupons(db: Db): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const coupon of SEED_COUPONS) {
    const existing = await db.coupon.findUnique({ where: { code: coupon.code }, select: { id: true } });
    if (existing) continue;
    try {
      await db.coupon.create({
        data: {
          code: coupon.code,
          description: coupon.description,
          kind: coupon.kind,
          percentOff: coupon.percentOff ?? null,
          amountOffCents: coupon.amountOffCents ?? null,
          expiresAt: coupon.expiresAt ?? null,
          maxRedemptions: coupon.maxRedemptions ?? null,
          courseId: null,
        },
        select: { id: true },
      });
      created.push(coupon.code);
    } catch (error) {
      // Another seeder created it between our check and insert.
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return { created };
}
