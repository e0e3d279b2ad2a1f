import { z } from "zod";
import type { Db } from "../../db";

export const ORDERS_PER_PAGE = 25;

/** /admin/orders?q=…&page=…: a search by e-mail or order number, and a 1-based page. */
export const ZOrderSearch = z.object({
  q: z.string().trim().max(254).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type TOrderSearch = z.infer<typeof ZOrderSearch>;

/**
 * Orders newest first, 25 a page. `q` matches part of the buyer's e-mail (stored lower-case)
 * or of the order number (upper-case), whatever case it is typed in.
 */
export async function listAdminOrders(db: Db, search: TOrderSearch) {
  const q = search.q;
  const where = q ? { OR: [{ buyerEmail: { contains: q.toLowerCase() } }, { number: { contains: q.toUpperCase() } }] } : {};
  const [total, orders] = await Promise.all([
    db.order.count({ where }),
    db.order.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (search.page - 1) * ORDERS_PER_PAGE,
      take: ORDERS_PER_PAGE,
      select: {
        id: true,
        number: true,
        status: true,
        buyerEmail: true,
        totalCents: true,
        currency: true,
        provider: true,
        createdAt: true,
        course: { select: { title: true } },
      },
    }),
  ]);
  return { orders, total, page: search.page, pages: Math.max(1, Math.ceil(total / ORDERS_PER_PAGE)) };
}

/** One order for /admin/orders/[id]: its lines, buyer, purchase state and its admin history. */
export async function loadAdminOrder(db: Db, orderId: string) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      status: true,
      currency: true,
      subtotalCents: true,
      discountCents: true,
      totalCents: true,
      couponCode: true,
      couponId: true,
      provider: true,
      providerRef: true,
      paymentMethod: true,
      buyerName: true,
      buyerEmail: true,
      createdAt: true,
      paidAt: true,
      failedAt: true,
      refundedAt: true,
      userId: true,
      course: { select: { id: true, title: true, slug: true } },
      purchase: { select: { status: true, refundedAt: true } },
    },
  });
  if (!order) return null;
  const history = await db.auditLog.findMany({
    where: { targetType: "order", targetId: orderId },
    orderBy: { createdAt: "desc" },
    select: { id: true, action: true, actorEmail: true, createdAt: true },
  });
  return { ...order, history };
}
