import { isPendingOrderExpired } from "./order-expiry";

export type TExplainableOrder = { status: string; provider: string; createdAt: Date; refundedAt: Date | null };

/**
 * The sentence a buyer reads about an order that ended without granting the course (or that
 * can no longer be paid), or null when there is nothing to explain. One wording for the local
 * payment page, the receipt page and the Pay button's error. A pending local order past its
 * 30 minutes reads as expired even before anything has marked it so.
 */
export function explainOrderStatus(order: TExplainableOrder, now: Date): string | null {
  const status = order.status === "pending" && isPendingOrderExpired(order, now) ? "expired" : order.status;
  switch (status) {
    case "void":
      if (order.provider === "local") return "You already own this course, so this payment was cancelled — nothing was charged.";
      return order.refundedAt
        ? "You already own this course — this payment was refunded."
        : "You already own this course — this payment is being refunded.";
    case "expired":
      return "This order expired after 30 minutes without payment. Start a new checkout to buy the course.";
    case "failed":
      return "This payment was declined or could not be started. Nothing was charged; start a new checkout to try again.";
    case "refunded":
      return "This order was refunded.";
    default:
      return null;
  }
}
