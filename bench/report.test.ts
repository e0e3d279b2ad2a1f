import { describe, expect, it } from "vitest";
import { BenchReport, oneLine, ratioOf, reportMarkdown } from "./report";

describe("bench report", () => {
  it("divides Lectern's figure by the reference, and gives no ratio without both", () => {
    expect(ratioOf(50, 200)).toBe(0.25);
    expect(ratioOf(50, null)).toBeNull();
    expect(ratioOf(null, 200)).toBeNull();
    expect(ratioOf(50, 0)).toBeNull();
  });

  it("puts an error on one line without terminal colours", () => {
    expect(oneLine("page.goto: Timeout 30000ms exceeded.\nCall log:\n\u001b[2m  - navigating\u001b[22m")).toBe("page.goto: Timeout 30000ms exceeded.");
  });

  it("keeps the rows of the sections before and after a section that throws, and names the error", async () => {
    const report = new BenchReport("sqlite", () => {});
    await report.section("pages", async (add) => {
      add({ figure: "course page req/s, 16 conn.", unit: "req/s", better: "higher", lectern: 100, referenceName: "static", reference: 400 });
    });
    await report.section("media delivery", async (add) => {
      add({ figure: "partial row", unit: "MB/s", better: "higher", lectern: 5 });
      throw new Error("nginx is not installed");
    });
    await report.section("ingest", async (add) => {
      add({ figure: "ingest wall", unit: "s", better: "lower", lectern: 11, reference: 10 });
    });
    const json = report.toJson([1, 2, 3], 2);
    expect(json.rows.map((r) => [r.section, r.figure, r.ratio, r.error])).toEqual([
      ["pages", "course page req/s, 16 conn.", 0.25, undefined],
      ["media delivery", "partial row", null, undefined],
      ["media delivery", "(section failed)", null, "nginx is not installed"],
      ["ingest", "ingest wall", 1.1, undefined],
    ]);
    expect(json.sections.map((s) => [s.section, s.error])).toEqual([
      ["pages", undefined],
      ["media delivery", "nginx is not installed"],
      ["ingest", undefined],
    ]);
    const md = reportMarkdown(json);
    expect(md).toContain("| pages | course page req/s, 16 conn. | 100 req/s | 400 req/s — static | 0.25× | higher |");
    expect(md).toContain("| media delivery | (section failed) | **error**: nginx is not installed |");
    expect(md).toContain("| media delivery | ");
  });
});
