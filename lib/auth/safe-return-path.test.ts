import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("keeps local paths with their query", () => {
    expect(safeReturnPath("/courses/x/checkout?coupon=LAUNCH50")).toBe("/courses/x/checkout?coupon=LAUNCH50");
  });
  it.each(["//evil.example", "https://evil.example", "/\\evil", "javascript:alert(1)", "", 42, null, "/a\nb"])(
    "sends %j home",
    (input) => {
      expect(safeReturnPath(input)).toBe("/");
    },
  );
});
