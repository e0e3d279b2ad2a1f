import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { hasActivePurchase } from "../access/has-active-purchase";
import { normalizeCouponCode } from "./coupon-code";
import { PENDING_ORDER_TTL_MS } from "./order-expiry";
import { makeOrderNumber } from "./order-number";
import { quotePrice } from "./quote-price";

export type TPaymentProviderId = "local" | "stripe";

export type TCreatedOrder = {
  id: string;
  number: string;
  userId: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  couponCode: string | null;
  provider: TPaymentProviderId;
  buyerEmail: string;
  buyerName: string;
  createdAt: Date;
  /** true when an identical pending order of this buyer was returned instead of a new one. */
  reused: boolean;
};

/**
 * Creates a `pending` order at the server-computed price, in one transaction that also
 * reserves one redemption of the coupon. The reservation is a conditional increment
 * (`redemptions < maxRedemptions`), so when a single-use code is redeemed by several
 * buyers at once exactly one of them gets it. See docs/decisions/005-payment-providers.md.
 */
export async function createOrder(
  deps: { db: Db; now?: () => Date },
  input: {
    userId: string;
    courseSlug: string;
    couponCode?: string | null;
    provider: TPaymentProviderId;
    /** Seats for a team (issue 11; lib/teams/start-team-checkout.ts): a new team's name, or the team to add seats to. */
    team?: { seats: number; teamName: string | null; teamId: string | null };
  },
): Promise<TCreatedOrder> {
  const { db } = deps;
  const now = deps.now?.() ?? new Date();
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, name: true, email: true } });
  if (!user) throw notFound("User");
  // An unpublished course is not for sale (hidden from everyone but admins: lib/catalog/visibility.ts).
  const course = await db.course.findUnique({
    where: { slug: input.courseSlug, published: true },
    select: { id: true, slug: true, title: true, priceCents: true },
  });
  if (!course) throw notFound("Course");
  const team = input.team ?? null;
  const seats = team?.seats ?? 1;
  if (!team && (await hasActivePurchase(db, user.id, course.id))) {
    throw new AppError("CONFLICT", "You already own this course");
  }
  const couponCode = (input.couponCode && normalizeCouponCode(input.couponCode)) || null;

  // A double click or a retry: the buyer's own recent pending order for the same thing (it
  // already holds the coupon reservation, so re-checking the coupon would wrongly refuse).
  const existing = await db.order.findFirst({
    where: {
      userId: user.id,
      courseId: course.id,
      status: "pending",
      provider: input.provider,
      couponCode,
      subtotalCents: course.priceCents * seats,
      forTeam: team !== null,
      seats,
      teamId: team?.teamId ?? null,
      teamName: team?.teamName ?? null,
      // Only while it may still be paid (order-expiry.ts): an expired order is never handed back.
      createdAt: { gt: new Date(now.getTime() - PENDING_ORDER_TTL_MS) },
    },
    orderBy: { createdAt: "desc" },
    select: { id: true, number: true, currency: true, subtotalCents: true, discountCents: true, totalCents: true, createdAt: true },
  });
  if (existing) {
    return {
      ...existing,
      userId: user.id,
      courseId: course.id,
      courseSlug: course.slug,
      courseTitle: titleOf(course.title, team),
      couponCode,
      provider: input.provider,
      buyerEmail: user.email,
      buyerName: user.name,
      reused: true,
    };
  }

  const quote = await quotePrice(db, { courseId: course.id, couponCode, now, seats });
  const base = {
    userId: user.id,
    courseId: quote.course.id,
    courseSlug: quote.course.slug,
    courseTitle: titleOf(quote.course.title, team),
    currency: quote.currency,
    subtotalCents: quote.subtotalCents,
    discountCents: quote.discountCents,
    totalCents: quote.totalCents,
    couponCode: quote.coupon?.code ?? null,
    provider: input.provider,
    buyerEmail: user.email,
    buyerName: user.name,
  };

  const order = await db.$transaction(async (tx) => {
    if (quote.coupon) {
      const reserved = await tx.coupon.updateMany({
        where: {
          id: quote.coupon.id,
          active: true,
          ...(quote.coupon.maxRedemptions !== null ? { redemptions: { lt: quote.coupon.maxRedemptions } } : {}),
        },
        data: { redemptions: { increment: 1 } },
      });
      if (reserved.count !== 1) {
        throw new AppError("BAD_REQUEST", "This coupon has been fully redeemed", {
          field: "coupon",
          coupon: quote.coupon.code,
        });
      }
    }
    return tx.order.create({
      data: {
        number: makeOrderNumber(now),
        userId: user.id,
        courseId: quote.course.id,
        status: "pending",
        currency: quote.currency,
        subtotalCents: quote.subtotalCents,
        discountCents: quote.discountCents,
        totalCents: quote.totalCents,
        couponId: quote.coupon?.id ?? null,
        couponCode: quote.coupon?.code ?? null,
        provider: input.provider,
        buyerName: user.name,
        buyerEmail: user.email,
        createdAt: now,
        forTeam: team !== null,
        seats,
        teamId: team?.teamId ?? null,
        teamName: team?.teamName ?? null,
      },
      select: { id: true, number: true, createdAt: true },
    });
  });
  return { ...base, ...order, reused: false };
}

/** What the payment page and the provider call a team order: "<course> — 3 seats". */
function titleOf(title: string, team: { seats: number } | null): string {
  return team ? `${title} — ${team.seats} ${team.seats === 1 ? "seat" : "seats"}` : title;
}
