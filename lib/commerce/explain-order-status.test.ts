import { describe, expect, it } from "vitest";
import { explainOrderStatus } from "./explain-order-status";

const now = new Date("2026-11-21T12:00:00Z");
const order = (status: string, provider = "local", minutesOld = 1, refundedAt: Date | null = null) => ({
  status,
  provider,
  createdAt: new Date(now.getTime() - minutesOld * 60_000),
  refundedAt,
});

describe("explainOrderStatus", () => {
  it("says a second payment for an owned course was cancelled (local) or refunded (Stripe)", () => {
    expect(explainOrderStatus(order("void"), now)).toMatch(/already own this course.*nothing was charged/);
    expect(explainOrderStatus(order("void", "stripe", 1, now), now)).toBe("You already own this course — this payment was refunded.");
    expect(explainOrderStatus(order("void", "stripe"), now)).toMatch(/being refunded/);
  });

  it("tells the buyer of an expired order to start again, also before anything marked it expired", () => {
    expect(explainOrderStatus(order("expired"), now)).toMatch(/expired.*Start a new checkout/);
    expect(explainOrderStatus(order("pending", "local", 31), now)).toMatch(/expired/);
    expect(explainOrderStatus(order("pending", "local", 29), now)).toBeNull();
    expect(explainOrderStatus(order("pending", "stripe", 90), now)).toBeNull();
  });

  it("has nothing to explain about a paid order", () => {
    expect(explainOrderStatus(order("paid"), now)).toBeNull();
  });
});
