import { describe, expect, it } from "vitest";
import { isSlug, zSlug } from "./slug";

describe("the slug rule", () => {
  it.each(["a", "what-is-python", "part-1", "0-9", "a".repeat(100)])("accepts %s", (value) => {
    expect(isSlug(value)).toBe(true);
    expect(zSlug().safeParse(value).success).toBe(true);
  });

  it.each(["", "a--b", "a-", "-a", "A", "a_b", "a.b", "a/b", "..", "é", "a ".trim() + " ", "a".repeat(101)])(
    "refuses %j",
    (value) => {
      expect(isSlug(value)).toBe(false);
      expect(zSlug().safeParse(value).success).toBe(false);
    },
  );

  it("carries the caller's message", () => {
    const result = zSlug("Unknown course").safeParse("a--b");
    expect(result.success ? null : result.error.issues[0]?.message).toBe("Unknown course");
  });
});
