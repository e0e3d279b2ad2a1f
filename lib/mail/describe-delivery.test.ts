import { describe, expect, it } from "vitest";
import { describeDelivery } from "./describe-delivery";

const next = new Date("2026-11-29T12:03:00Z");

describe("describeDelivery", () => {
  it("says where each message stands", () => {
    expect(describeDelivery({ status: "kept", attempts: 0, nextAttemptAt: next, sentAt: null })).toBe("kept here (no SMTP_URL)");
    expect(describeDelivery({ status: "pending", attempts: 0, nextAttemptAt: next, sentAt: null })).toBe("queued for sending");
    expect(describeDelivery({ status: "pending", attempts: 2, nextAttemptAt: next, sentAt: null })).toBe(
      "queued: 2 attempts failed so far, next try 2026-11-29 12:03:00 UTC",
    );
    expect(describeDelivery({ status: "sent", attempts: 1, nextAttemptAt: next, sentAt: new Date("2026-11-29T12:01:02Z") })).toBe(
      "sent 2026-11-29 12:01:02 UTC after 1 attempt",
    );
    expect(describeDelivery({ status: "failed", attempts: 10, nextAttemptAt: next, sentAt: null })).toBe("failed after 10 attempts: not sent");
  });
});
