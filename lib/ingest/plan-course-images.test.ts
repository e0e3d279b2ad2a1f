import { describe, expect, it } from "vitest";
import { initialsOf, paletteColor, planGeneratedCover, planGeneratedPortrait, planScaledImage } from "./plan-course-images";

describe("course image plans", () => {
  it.each([
    ["Ada King Lovelace", "AL"],
    ["Lectern sample talks", "LT"],
    ["mahmoud", "M"],
    ["Émile  Zola", "ÉZ"],
    ["O'Reilly Media", "OM"],
    ["— ", "?"],
  ])("initials of %j are %j", (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });

  it("draws titles from text files, never from the filtergraph (quotes and colons need no escaping)", () => {
    const plan = planGeneratedCover({ slug: "x", title: "Colons: 'quotes' and 100% %{pts}", subtitle: "Sub", byline: "A, B" });
    const filter = plan.args[plan.args.indexOf("-vf") + 1]!;
    expect(filter).not.toContain("quotes");
    expect(filter).not.toContain("%{pts}");
    expect(plan.texts.map((t) => t.text)).toEqual(["Colons: 'quotes' and 100%", "%{pts}", "Sub", "A, B"]);
    expect(filter.match(/expansion=none/g)).toHaveLength(4);
    expect(plan.args).toContain("color=c=" + paletteColor("x") + ":s=1200x630");
  });

  it("crops an author's own picture to the fixed size", () => {
    const plan = planScaledImage("/c/me.png", 320, 320);
    expect(plan.args.slice(0, 2)).toEqual(["-i", "/c/me.png"]);
    expect(plan.args[3]).toContain("scale=320:320:force_original_aspect_ratio=increase,crop=320:320");
    expect(planGeneratedPortrait("Grace Hopper").texts).toEqual([{ file: "initials.txt", text: "GH" }]);
  });
});
