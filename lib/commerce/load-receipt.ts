import type { Db } from "../db";

export type TReceipt = {
  orderId: string;
  number: string;
  userId: string;
  status: string;
  createdAt: Date;
  paidAt: Date | null;
  refundedAt: Date | null;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  couponCode: string | null;
  paymentMethod: string | null;
  provider: string;
  buyerName: string;
  buyerEmail: string;
  course: { slug: string; title: string };
  /** A team order (issue 11): the organisation it was bought for and how many seats; id once paid. */
  team: { id: string | null; name: string; seats: number } | null;
};

/**
 * The facts a receipt shows, for the order's owner or an admin; null for anyone else (the
 * page answers 404, so an order id reveals nothing).
 */
export async function loadReceipt(
  // A transaction client too: fulfilOrder renders the receipt inside the payment's transaction.
  db: Pick<Db, "order">,
  orderId: string,
  viewer: { userId: string; role: "learner" | "admin" } | "system",
): Promise<TReceipt | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      userId: true,
      status: true,
      createdAt: true,
      paidAt: true,
      refundedAt: true,
      currency: true,
      subtotalCents: true,
      discountCents: true,
      totalCents: true,
      couponCode: true,
      paymentMethod: true,
      provider: true,
      buyerName: true,
      buyerEmail: true,
      course: { select: { slug: true, title: true } },
      forTeam: true,
      seats: true,
      teamName: true,
      team: { select: { id: true, name: true } },
    },
  });
  if (!order) return null;
  if (viewer !== "system" && viewer.role !== "admin" && viewer.userId !== order.userId) return null;
  const { id, forTeam, seats, teamName, team, ...rest } = order;
  return {
    orderId: id,
    ...rest,
    team: forTeam ? { id: team?.id ?? null, name: team?.name ?? teamName ?? "", seats } : null,
  };
}
