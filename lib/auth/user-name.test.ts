import { describe, expect, it } from "vitest";
import { USER_NAME_MAX, ZUserName } from "./user-name";

describe("ZUserName", () => {
  it("trims and accepts 1 to 100 characters", () => {
    expect(ZUserName.parse("  Ada Lovelace ")).toBe("Ada Lovelace");
    expect(ZUserName.parse("Ł")).toBe("Ł");
    expect(ZUserName.parse("x".repeat(USER_NAME_MAX))).toHaveLength(USER_NAME_MAX);
  });

  it("refuses empty, over-long and control characters with a message naming the field", () => {
    for (const bad of ["", "   ", "x".repeat(USER_NAME_MAX + 1), "a\u0000b", "line\nbreak", "tab\there", "a\u2028b", "\u007f"]) {
      const result = ZUserName.safeParse(bad);
      expect(result.success, JSON.stringify(bad)).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/name/i);
    }
    expect(ZUserName.safeParse(42).success).toBe(false);
  });

  it("refuses direction overrides that make a name read as something else (issue 8 review)", () => {
    for (const bad of ["Eve‮nimda", "a‪b", "a⁦b⁩"]) expect(ZUserName.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(ZUserName.safeParse("عائشة").success).toBe(true);
  });
});
