import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { createTestDatabase } from "../../tests/support/test-db";
import type { TCourseEntitlement } from "./decide-course-entitlement";
import { loadCourseEntitlement, loadCourseEntitlements } from "./load-course-entitlement";
import { ANONYMOUS, type TViewer } from "./viewer";

// The one entitlement decision against a real database: which grants count (an active
// purchase, not a refunded one, not someone else's), and the catalog's batch answers exactly
// what the single lookup answers.

let db: Db;
let cleanup: () => Promise<void>;
const PAID = { id: "c-paid", priceCents: 5999 };
const OTHER = { id: "c-other", priceCents: 1999 };
const FREE = { id: "c-free", priceCents: 0 };
const learner: TViewer = { kind: "user", userId: "learner", role: "learner" };
const buyer: TViewer = { kind: "user", userId: "buyer", role: "learner" };
const refunded: TViewer = { kind: "user", userId: "refunded", role: "learner" };
const admin: TViewer = { kind: "user", userId: "admin", role: "admin" };

async function buy(userId: string, courseId: string, status: "active" | "refunded") {
  await db.order.create({
    data: {
      number: `LEC-ENT-${userId}-${courseId}`,
      userId,
      courseId,
      status: status === "active" ? "paid" : "refunded",
      currency: "USD",
      subtotalCents: 100,
      totalCents: 100,
      provider: "local",
      buyerName: userId,
      buyerEmail: `${userId}@example.com`,
      purchase: { create: { userId, courseId, status, refundedAt: status === "refunded" ? new Date() : null } },
    },
  });
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  for (const c of [PAID, OTHER, FREE]) {
    await db.course.create({ data: { id: c.id, slug: c.id, title: c.id, priceCents: c.priceCents } });
  }
  for (const id of ["learner", "buyer", "refunded", "admin"]) {
    await db.user.create({ data: { id, name: id, email: `${id}@example.com`, role: id === "admin" ? "admin" : "learner" } });
  }
  await buy("buyer", PAID.id, "active");
  await buy("refunded", PAID.id, "refunded");
}, 60_000);

afterAll(async () => {
  await cleanup?.();
});

const cases: [string, TViewer, typeof PAID, TCourseEntitlement][] = [
  ["anonymous × paid", ANONYMOUS, PAID, { entitled: false, reason: "sign-in-required" }],
  ["anonymous × free course", ANONYMOUS, FREE, { entitled: true, reason: "free-course" }],
  ["learner × paid", learner, PAID, { entitled: false, reason: "purchase-required" }],
  ["buyer × the course bought", buyer, PAID, { entitled: true, reason: "purchase" }],
  ["buyer × another paid course", buyer, OTHER, { entitled: false, reason: "purchase-required" }],
  ["refunded buyer × paid", refunded, PAID, { entitled: false, reason: "purchase-required" }],
  ["admin × paid", admin, PAID, { entitled: true, reason: "admin" }],
  ["learner × free course", learner, FREE, { entitled: true, reason: "free-course" }],
];

describe("loadCourseEntitlement", () => {
  it.each(cases)("%s", async (_name, viewer, course, want) => {
    expect(await loadCourseEntitlement(db, viewer, course)).toEqual(want);
  });
});

describe("loadCourseEntitlements (the catalog's batch)", () => {
  it("answers exactly what the single lookup answers, for every viewer and course", async () => {
    for (const viewer of [ANONYMOUS, learner, buyer, refunded, admin]) {
      const batch = await loadCourseEntitlements(db, viewer, [PAID, OTHER, FREE]);
      for (const course of [PAID, OTHER, FREE]) {
        expect(batch.get(course.id), `${viewer.kind === "user" ? viewer.userId : "anonymous"} × ${course.id}`).toEqual(
          await loadCourseEntitlement(db, viewer, course),
        );
      }
    }
  });
});
