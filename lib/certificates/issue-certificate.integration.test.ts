import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { createTestDatabase } from "../../tests/support/test-db";
import { importSampleCourse } from "../../tests/support/import-sample-course";
import type { TViewer } from "../access/viewer";
import { getCourseToc } from "../catalog/get-course-toc";
import { recordProgress } from "../progress/record-progress";
import { issueCertificateIfComplete } from "./issue-certificate";
import { loadCertificate } from "./load-certificate";

// A certificate exactly when every visible segment is honestly complete: once per learner and
// course (also under concurrent reports), with its mail in the outbox, public by its token.

const COURSE = "python-in-production";
const deps = { env: { SMTP_URL: undefined, APP_URL: "https://lectern.example" } };
let db: Db;
let cleanup: () => Promise<void>;
const learner: Extract<TViewer, { kind: "user" }> = { kind: "user", userId: "learner", role: "learner" };
let segments: { id: string; courseId: string; durationSeconds: number; slug: string }[];

async function watch(userId: string, segment: (typeof segments)[number], fraction = 1) {
  await recordProgress(db, {
    userId,
    segment,
    positionSeconds: segment.durationSeconds * fraction,
    ranges: [[0, segment.durationSeconds * fraction]],
  });
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  await importSampleCourse(db, COURSE);
  await db.user.create({ data: { id: "learner", name: "Grace Hopper", email: "grace@example.com" } });
  await db.user.create({ data: { id: "racer", name: "Racer", email: "racer@example.com" } });
  const toc = (await getCourseToc(db, COURSE, learner))!;
  segments = toc.parts.flatMap((p) => p.segments.map((s) => ({ id: s.id, slug: s.slug, courseId: toc.course.id, durationSeconds: s.durationSeconds })));
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

describe("issueCertificateIfComplete", () => {
  it("issues nothing while a segment is unwatched or only half watched", async () => {
    for (const s of segments.slice(0, -1)) await watch("learner", s);
    await watch("learner", segments.at(-1)!, 0.5);
    expect(await issueCertificateIfComplete(db, deps, learner, COURSE)).toBeNull();
    expect(await db.certificate.count()).toBe(0);
  });

  it("issues one certificate with its mail when the last segment is complete, and the same one after", async () => {
    await watch("learner", segments.at(-1)!);
    const first = await issueCertificateIfComplete(db, deps, learner, COURSE);
    expect(first).toMatchObject({ issued: true });
    expect(first!.url).toBe(`https://lectern.example/certificates/${first!.token}`);
    expect(first!.verificationId).toMatch(/^LEC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const again = await issueCertificateIfComplete(db, deps, learner, COURSE);
    expect(again).toMatchObject({ issued: false, token: first!.token });

    const mail = await db.outboxMessage.findMany({ where: { to: "grace@example.com" }, select: { subject: true, text: true } });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain(first!.url);
    expect(mail[0]!.text).toContain(first!.verificationId);

    const shown = await loadCertificate(db, first!.token);
    expect(shown).toMatchObject({ learnerName: "Grace Hopper", courseTitle: "Running Python in Production", courseSlug: COURSE });
    expect(await loadCertificate(db, "not-a-token")).toBeNull();
    expect(await loadCertificate(db, "A".repeat(22))).toBeNull();
  });

  it("concurrent reports of the last segment issue exactly one certificate and one mail", async () => {
    const racer: Extract<TViewer, { kind: "user" }> = { kind: "user", userId: "racer", role: "learner" };
    for (const s of segments) await watch("racer", s);
    const results = await Promise.all(Array.from({ length: 6 }, () => issueCertificateIfComplete(db, deps, racer, COURSE)));
    expect(new Set(results.map((r) => r!.token)).size).toBe(1);
    expect(results.filter((r) => r!.issued)).toHaveLength(1);
    expect(await db.certificate.count({ where: { userId: "racer" } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: "racer@example.com" } })).toBe(1);
  });
});
