import { describe, expect, it } from "vitest";
import { wrapText } from "./wrap-text";

describe("wrapText", () => {
  it("wraps on word boundaries", () => {
    expect(wrapText("Source Control, Issue Tracking, and Continuous Integration", 34)).toEqual([
      "Source Control, Issue Tracking,",
      "and Continuous Integration",
    ]);
  });
  it("hard-splits long words and ellipsizes past the line limit", () => {
    expect(wrapText("abcdefghij", 4, 5)).toEqual(["abcd", "efgh", "ij"]);
    expect(wrapText("one two three four", 5, 2)).toEqual(["one", "two…"]);
  });
});
