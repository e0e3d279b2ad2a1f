import { isPendingOrderExpired } from "./order-expiry";

export type TFulfilmentOrder = { id: string; status: string; provider: string; createdAt: Date };
/** The buyer's purchase row for the order's course, if any (unique per user + course). */
export type TOwnerPurchase = { status: string; orderId: string } | null;

export type TFulfilmentDecision =
  /** Not pending any more (already paid, failed, expired, void, refunded): nothing to do. */
  | { action: "none"; status: string }
  /** A local order reported paid after its deadline: it ends unpaid and its coupon is released. */
  | { action: "expire" }
  /** The buyer already owns the course through another order: this payment is refused and returned. */
  | { action: "void"; reason: "already-owned" }
  /** Pay: create the purchase, or reactivate the buyer's refunded one. */
  | { action: "pay"; purchase: "create" | "reactivate" };

/**
 * What a reported payment does to an order: the order state machine's one decision, pure.
 * pending → paid | void | expired; every other state is final for a payment report (paid →
 * refunded happens only through refundOrder). fulfilOrder applies the decision with
 * conditional updates. See docs/decisions/005-payment-providers.md.
 */
export function decideFulfilment(input: { order: TFulfilmentOrder; purchase: TOwnerPurchase; now: Date }): TFulfilmentDecision {
  const { order, purchase, now } = input;
  if (order.status !== "pending") return { action: "none", status: order.status };
  if (isPendingOrderExpired(order, now)) return { action: "expire" };
  if (purchase?.status === "active" && purchase.orderId !== order.id) return { action: "void", reason: "already-owned" };
  return { action: "pay", purchase: purchase ? "reactivate" : "create" };
}
