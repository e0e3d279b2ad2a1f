import { describe, expect, it } from "vitest";
import { decideRetry, MAX_ATTEMPTS } from "./decide-retry";

const now = new Date("2026-11-29T12:00:00Z");
const waitAfter = (attempts: number, smtpCode?: number) => {
  const decision = decideRetry({ attempts, now, smtpCode });
  return decision.status === "pending" ? (decision.nextAttemptAt.getTime() - now.getTime()) / 1000 : decision.status;
};

describe("decideRetry", () => {
  it("backs off exponentially from 30 s, capped at one hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => waitAfter(n))).toEqual([30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(decideRetry({ attempts: 1, now: new Date(0) })).toEqual({ status: "pending", nextAttemptAt: new Date(30_000) });
  });

  it("gives up after MAX_ATTEMPTS failed attempts", () => {
    expect(MAX_ATTEMPTS).toBe(10);
    expect(waitAfter(10)).toBe("failed");
    expect(waitAfter(11)).toBe("failed");
  });

  it("retries a temporary SMTP refusal (4xx) but not a permanent one (5xx)", () => {
    expect(waitAfter(1, 451)).toBe(30);
    expect(waitAfter(1, 421)).toBe(30);
    expect(waitAfter(1, 550)).toBe("failed");
    expect(waitAfter(1, 554)).toBe("failed");
  });
});
