import { describe, expect, it } from "vitest";
import { notH2 } from "./h2-check";

describe("notH2", () => {
  it("accepts a load whose document and every MP4 response went over h2", () => {
    expect(notH2({ document: "h2", mp4: ["h2", "h2"] })).toBeNull();
  });

  it.each([
    [{ document: "http/1.1", mp4: ["h2"] }, "document over http/1.1"],
    [{ document: null, mp4: ["h2"] }, "document over nothing recorded"],
    [{ document: "h2", mp4: [] }, "no MP4 response recorded"],
    [{ document: "h2", mp4: ["h2", "http/1.1", "http/1.1"] }, "MP4 over http/1.1"],
  ])("names what was not h2 in %j", (protocols, why) => {
    expect(notH2(protocols)).toBe(why);
  });
});
