import { describe, expect, it } from "vitest";
import { makeOrderNumber } from "./order-number";

describe("makeOrderNumber", () => {
  it("is LEC-<UTC date>-<6 unambiguous characters>", () => {
    const n = makeOrderNumber(new Date("2026-11-21T23:30:00Z"));
    expect(n).toMatch(/^LEC-20261121-[2-9A-HJKMNP-TV-Z]{6}$/);
  });
  it("uses the random source it is given", () => {
    expect(makeOrderNumber(new Date("2026-01-02T00:00:00Z"), () => new Uint8Array([0, 1, 2, 3, 4, 5]))).toBe("LEC-20260102-234567");
  });
});
