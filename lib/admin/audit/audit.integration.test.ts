import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import { writeAudit } from "../write-audit";
import { AUDIT_PER_PAGE, listAuditLog, ZAuditFilter } from "./list-audit-log";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  const base = new Date("2026-11-29T10:00:00.000Z").getTime();
  const entries = [
    { actor: { id: null, email: "ada@lectern.local" }, action: "course.update", targetType: "course", targetId: "crs_1" },
    { actor: { id: null, email: "ada@lectern.local" }, action: "order.refund", targetType: "order", targetId: "ord_1" },
    { actor: { id: null, email: "grace@lectern.local" }, action: "coupon.create", targetType: "coupon", targetId: "cpn_1" },
  ];
  for (const [i, entry] of entries.entries()) {
    await t.db.$transaction((tx) => writeAudit(tx, { ...entry, before: { n: i }, after: { n: i + 1 } }, new Date(base + i * 1000)));
  }
  for (let i = 0; i < AUDIT_PER_PAGE; i++) {
    await t.db.$transaction((tx) =>
      writeAudit(tx, { actor: { id: null, email: "bulk@lectern.local" }, action: "segment.move", targetType: "segment", targetId: `seg_${i}` }, new Date(base - (i + 1) * 1000)),
    );
  }
});
afterAll(() => t.cleanup());

const list = (query: Record<string, string>) => listAuditLog(t.db, ZAuditFilter.parse(query));

describe("listAuditLog", () => {
  it("lists newest first, 50 a page", async () => {
    const first = await list({});
    expect(first.total).toBe(3 + AUDIT_PER_PAGE);
    expect(first.entries.slice(0, 3).map((e) => e.action)).toEqual(["coupon.create", "order.refund", "course.update"]);
    expect(first.pages).toBe(2);
    expect((await list({ page: "2" })).entries).toHaveLength(3);
  });

  it("filters by target type, actor, action and target id", async () => {
    expect((await list({ target: "order" })).entries.map((e) => e.targetId)).toEqual(["ord_1"]);
    expect((await list({ actor: "GRACE" })).entries.map((e) => e.action)).toEqual(["coupon.create"]);
    expect((await list({ action: "refund" })).entries.map((e) => e.actorEmail)).toEqual(["ada@lectern.local"]);
    expect((await list({ targetId: "crs_1" })).entries.map((e) => [e.before, e.after])).toEqual([['{"n":0}', '{"n":1}']]);
  });

  it("drops malformed filters instead of failing", async () => {
    expect(ZAuditFilter.parse({ target: "users; drop", page: "-4", actor: ["a", "b"] })).toEqual({ target: "", actor: "", action: "", targetId: "", page: 1 });
  });
});
