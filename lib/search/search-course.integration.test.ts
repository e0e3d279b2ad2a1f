import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { ANONYMOUS, type TViewer } from "../access/viewer";
import { createPreviewCourse, createUser, grantPurchase } from "../progress/testing/progress-factories";
import { searchCourse, ZCourseSearchQuery } from "./search-course";

let t: TestDatabase;
let mediaRoot: string;
let course: Awaited<ReturnType<typeof createPreviewCourse>>;

const vtt = (cues: [number, number, string][]) =>
  `WEBVTT\n\n${cues.map(([s, e, text], i) => `${i + 1}\n00:00:${String(s).padStart(2, "0")}.000 --> 00:00:${String(e).padStart(2, "0")}.000\n${text}`).join("\n\n")}\n`;

beforeAll(async () => {
  t = await createTestDatabase();
  mediaRoot = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-search-"));
  course = await createPreviewCourse(t.db);
  const files: Record<string, string> = {
    intro: vtt([[0, 4, "Welcome to the pipeline course"], [4, 30, "Secret handshake appears later"], [30, 40, "Pipelines are queues"]]),
    "deep-dive": vtt([[0, 10, "The cache invalidation secret handshake"], [12, 20, "Pipelines again"]]),
  };
  for (const seg of [course.free, course.paid]) {
    const rel = `${course.slug}/${seg.slug}/captions.en.vtt`;
    fs.mkdirSync(path.join(mediaRoot, path.dirname(rel)), { recursive: true });
    fs.writeFileSync(path.join(mediaRoot, rel), files[seg.slug]!);
    await t.db.mediaAsset.create({
      data: { id: `ast_${seg.id}`, segmentId: seg.id, kind: "captions", label: "en", path: rel, mimeType: "text/vtt", language: "en" },
      select: { id: true },
    });
  }
  // A second language for the free segment.
  const de = `${course.slug}/${course.free.slug}/captions.de.vtt`;
  fs.writeFileSync(path.join(mediaRoot, de), vtt([[5, 9, "Rohrleitungen sind Warteschlangen"]]));
  await t.db.mediaAsset.create({
    data: { id: `ast_${course.free.id}_de`, segmentId: course.free.id, kind: "captions", label: "de", path: de, mimeType: "text/vtt", language: "de" },
    select: { id: true },
  });
});
afterAll(async () => {
  await t?.cleanup();
  fs.rmSync(mediaRoot, { recursive: true, force: true });
});

const search = (viewer: TViewer, q: string) =>
  searchCourse(t.db, { mediaRoot }, viewer, course.slug, ZCourseSearchQuery.parse({ q }));

describe("searchCourse", () => {
  it("finds words in free transcripts and links to the moment", async () => {
    const result = await search(ANONYMOUS, "  pipelines  ");
    expect(result.query).toBe("pipelines");
    const intro = result.segments.find((s) => s.slug === "intro")!;
    expect(intro.hits).toEqual([
      { start: 30, text: "Pipelines are queues", href: `/courses/${course.slug}/intro?t=30`, language: "en" },
    ]);
    expect(intro.titleMatch).toBe(true); // "Introduction to pipelines"
  });

  it("searches every captions language and says which one matched", async () => {
    const result = await search(ANONYMOUS, "warteschlangen");
    expect(result.segments.find((s) => s.slug === "intro")?.hits).toEqual([
      { start: 5, text: "Rohrleitungen sind Warteschlangen", href: `/courses/${course.slug}/intro?t=5`, language: "de" },
    ]);
  });

  it("matches every word, case-insensitively", async () => {
    const result = await search(ANONYMOUS, "HANDSHAKE secret");
    expect(result.segments.find((s) => s.slug === "intro")?.hits.map((h) => h.start)).toEqual([4]);
  });

  it("never reveals paid transcript text without access; titles still match", async () => {
    for (const q of ["cache invalidation", "handshake", "pipelines again"]) {
      const result = await search(ANONYMOUS, q);
      const paid = result.segments.find((s) => s.slug === "deep-dive");
      expect(JSON.stringify(result)).not.toContain("invalidation secret");
      if (q === "cache invalidation") expect(paid).toBeUndefined();
      else expect(paid?.hits ?? []).toEqual([]);
    }
    const byTitle = await search(ANONYMOUS, "caching");
    expect(byTitle.segments).toEqual([
      expect.objectContaining({ slug: "deep-dive", locked: true, titleMatch: true, hits: [] }),
    ]);
    const learner = await createUser(t.db);
    const noPurchase = await search({ kind: "user", userId: learner.id, role: "learner" }, "cache invalidation");
    expect(noPurchase.segments).toEqual([]);
  });

  it("searches paid transcripts for buyers and admins", async () => {
    const buyer = await createUser(t.db);
    await grantPurchase(t.db, buyer.id, course.id);
    const result = await search({ kind: "user", userId: buyer.id, role: "learner" }, "cache invalidation");
    expect(result.segments[0]).toMatchObject({ slug: "deep-dive", locked: false, hits: [{ start: 0 }] });
    const admin = await createUser(t.db, "admin");
    const adminResult = await search({ kind: "user", userId: admin.id, role: "admin" }, "pipelines again");
    expect(adminResult.segments[0]?.hits[0]?.href).toBe(`/courses/${course.slug}/deep-dive?t=12`);
  });

  it("validates the query", () => {
    expect(ZCourseSearchQuery.safeParse({ q: "a" }).success).toBe(false);
    expect(ZCourseSearchQuery.safeParse({ q: "x".repeat(101) }).success).toBe(false);
    expect(ZCourseSearchQuery.safeParse({ q: " ab " }).success).toBe(true);
  });
});
