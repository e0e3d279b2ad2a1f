import { describe, expect, it } from "vitest";
import { decideFulfilment, type TFulfilmentOrder } from "./decide-fulfilment";

const now = new Date("2026-11-21T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60 * 1000);
const order = (overrides: Partial<TFulfilmentOrder> = {}): TFulfilmentOrder => ({
  id: "ord_1",
  status: "pending",
  provider: "local",
  createdAt: minutesAgo(5),
  ...overrides,
});

describe("decideFulfilment", () => {
  it("pays a pending order of a buyer who does not own the course", () => {
    expect(decideFulfilment({ order: order(), purchase: null, now })).toEqual({ action: "pay", purchase: "create" });
  });

  it("reactivates a refunded purchase on a re-buy", () => {
    expect(decideFulfilment({ order: order(), purchase: { status: "refunded", orderId: "ord_0" }, now })).toEqual({
      action: "pay",
      purchase: "reactivate",
    });
  });

  it("voids a payment for a course the buyer already owns through another order", () => {
    expect(decideFulfilment({ order: order(), purchase: { status: "active", orderId: "ord_0" }, now })).toEqual({
      action: "void",
      reason: "already-owned",
    });
  });

  it.each(["paid", "failed", "expired", "void", "refunded"])("leaves a %s order alone", (status) => {
    expect(decideFulfilment({ order: order({ status }), purchase: { status: "active", orderId: "ord_0" }, now })).toEqual({
      action: "none",
      status,
    });
  });

  it("expires a local order at 30 minutes, not a minute before", () => {
    expect(decideFulfilment({ order: order({ createdAt: minutesAgo(29) }), purchase: null, now }).action).toBe("pay");
    expect(decideFulfilment({ order: order({ createdAt: minutesAgo(30) }), purchase: null, now })).toEqual({ action: "expire" });
    // Expiry comes first: an expired order is not voided (its coupon is released either way).
    expect(
      decideFulfilment({ order: order({ createdAt: minutesAgo(31) }), purchase: { status: "active", orderId: "ord_0" }, now }),
    ).toEqual({ action: "expire" });
  });

  it("never expires a Stripe order by Lectern's clock (Stripe expires its own sessions)", () => {
    expect(decideFulfilment({ order: order({ provider: "stripe", createdAt: minutesAgo(600) }), purchase: null, now }).action).toBe("pay");
  });
});
