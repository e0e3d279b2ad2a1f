import type { Db } from "../db";

/** What /account shows: the user's courses (purchases) and every order, newest first. */
export async function listAccount(db: Db, userId: string) {
  const [purchases, orders] = await Promise.all([
    db.purchase.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        status: true,
        createdAt: true,
        refundedAt: true,
        orderId: true,
        course: { select: { slug: true, title: true, subtitle: true } },
      },
    }),
    db.order.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        number: true,
        status: true,
        createdAt: true,
        paidAt: true,
        currency: true,
        totalCents: true,
        couponCode: true,
        provider: true,
        course: { select: { slug: true, title: true } },
      },
    }),
  ]);
  return { purchases, orders };
}
export type TAccount = Awaited<ReturnType<typeof listAccount>>;
