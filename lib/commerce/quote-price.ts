import type { Db } from "../db";
import { AppError, notFound } from "../errors";
import { checkCoupon, COUPON_SELECT } from "./check-coupon";
import { computeDiscount, type TPriceBreakdown } from "./compute-discount";
import { normalizeCouponCode } from "./coupon-code";
import { expirePendingOrders } from "./expire-pending-orders";

export type TQuotedCourse = { id: string; slug: string; title: string; priceCents: number; currency: string };

export type TPriceQuote = TPriceBreakdown & {
  course: TQuotedCourse;
  currency: string;
  coupon: { id: string; code: string; description: string; maxRedemptions: number | null } | null;
};

/**
 * The price a buyer pays, always computed here on the server from the course row and the
 * coupon row — never from anything the browser sent but the coupon code. A limited coupon
 * that looks used up first gets back the reservations of its expired pending orders.
 * Throws NOT_FOUND (no such course), BAD_REQUEST (free course; unusable coupon).
 */
export async function quotePrice(
  db: Db,
  input: { courseSlug?: string; courseId?: string; couponCode?: string | null; now: Date; /** Team seats (issue 11): price × seats, one coupon for the order. */ seats?: number },
): Promise<TPriceQuote> {
  const seats = input.seats ?? 1;
  if (!Number.isInteger(seats) || seats < 1) throw new AppError("BAD_REQUEST", "The number of seats must be a whole number of at least 1", { field: "seats" });
  const where = input.courseId ? { id: input.courseId } : { slug: input.courseSlug ?? "" };
  // An unpublished course is not for sale (hidden from everyone but admins: lib/catalog/visibility.ts).
  const course = await db.course.findUnique({
    where: { ...where, published: true },
    select: { id: true, slug: true, title: true, priceCents: true, currency: true },
  });
  if (!course) throw notFound("Course");
  if (course.priceCents <= 0) throw new AppError("BAD_REQUEST", "This course is free: there is nothing to buy");

  const code = input.couponCode ? normalizeCouponCode(input.couponCode) : "";
  const subtotalCents = course.priceCents * seats;
  if (!code) return { ...computeDiscount(subtotalCents, null), course, currency: course.currency, coupon: null };

  let coupon = await db.coupon.findUnique({ where: { code }, select: COUPON_SELECT });
  if (coupon && coupon.maxRedemptions !== null && coupon.redemptions >= coupon.maxRedemptions) {
    // Used up, perhaps only by abandoned orders: release the reservations whose 30 minutes
    // are over (issue 8), then look again.
    const { expired } = await expirePendingOrders({ db, now: () => input.now }, { couponId: coupon.id });
    if (expired.length > 0) coupon = await db.coupon.findUnique({ where: { code }, select: COUPON_SELECT });
  }
  const rule = checkCoupon(coupon, { code, courseId: course.id, now: input.now });
  return {
    ...computeDiscount(subtotalCents, rule),
    course,
    currency: course.currency,
    coupon: {
      id: coupon!.id,
      code: coupon!.code,
      description: coupon!.description,
      maxRedemptions: coupon!.maxRedemptions,
    },
  };
}
