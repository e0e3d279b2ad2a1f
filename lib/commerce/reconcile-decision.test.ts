import { describe, expect, it } from "vitest";
import { PENDING_ORDER_TTL_MS } from "./order-expiry";
import { decideReconciliation, NO_SESSION_GRACE_MS, type TProviderTruth } from "./reconcile-decision";

const createdAt = new Date("2026-11-29T12:00:00Z");
const at = (ms: number) => new Date(createdAt.getTime() + ms);
const order = (o: Partial<{ provider: string; status: string; totalCents: number }> = {}) => ({
  id: "ord_1",
  provider: "stripe",
  status: "pending",
  totalCents: 5999,
  createdAt,
  ...o,
});
const session = (status: string, paymentStatus: string): TProviderTruth => ({
  kind: "session",
  id: "cs_1",
  status,
  paymentStatus,
  paymentIntentId: paymentStatus === "paid" ? "pi_1" : null,
});

describe("decideReconciliation", () => {
  it("fulfils an order whose Stripe session is paid, at any age", () => {
    expect(decideReconciliation({ order: order(), truth: session("complete", "paid"), now: at(1000) })).toMatchObject({
      action: "fulfil",
      method: "stripe",
    });
    expect(decideReconciliation({ order: order(), truth: session("complete", "paid"), now: at(3 * 86_400_000) }).action).toBe("fulfil");
  });

  it("fails an order whose session expired unpaid", () => {
    expect(decideReconciliation({ order: order(), truth: session("expired", "unpaid"), now: at(1000) }).action).toBe("fail");
  });

  it("leaves an open session, or one awaiting an async payment, to Stripe", () => {
    expect(decideReconciliation({ order: order(), truth: session("open", "unpaid"), now: at(1000) }).action).toBe("wait");
    expect(decideReconciliation({ order: order(), truth: session("open", "unpaid"), now: at(NO_SESSION_GRACE_MS * 2) }).action).toBe("wait");
    const async = decideReconciliation({ order: order(), truth: session("complete", "unpaid"), now: at(1000) });
    expect(async).toMatchObject({ action: "wait" });
    expect(async.reason).toContain("asynchronous");
  });

  it("waits for a session that a retried checkout could still create, then fails the order", () => {
    const none: TProviderTruth = { kind: "no-session" };
    expect(decideReconciliation({ order: order(), truth: none, now: at(PENDING_ORDER_TTL_MS) }).action).toBe("wait");
    expect(decideReconciliation({ order: order(), truth: none, now: at(NO_SESSION_GRACE_MS - 1) }).action).toBe("wait");
    expect(decideReconciliation({ order: order(), truth: none, now: at(NO_SESSION_GRACE_MS) }).action).toBe("fail");
  });

  it("expires a local order after its 30 minutes and leaves it to the buyer before", () => {
    const local = order({ provider: "local" });
    expect(decideReconciliation({ order: local, truth: { kind: "local" }, now: at(PENDING_ORDER_TTL_MS - 1) }).action).toBe("wait");
    expect(decideReconciliation({ order: local, truth: { kind: "local" }, now: at(PENDING_ORDER_TTL_MS) }).action).toBe("expire");
  });

  it("finishes a free order (100 % coupon) whose checkout died before fulfilling it", () => {
    for (const provider of ["local", "stripe"]) {
      expect(decideReconciliation({ order: order({ provider, totalCents: 0 }), truth: { kind: "local" }, now: at(1) })).toMatchObject({
        action: "fulfil",
        method: "free",
      });
    }
  });

  it("never touches an order that is no longer pending", () => {
    for (const status of ["paid", "failed", "expired", "void", "refunded"]) {
      expect(decideReconciliation({ order: order({ status }), truth: session("complete", "paid"), now: at(1) }).action).toBe("wait");
    }
  });
});
