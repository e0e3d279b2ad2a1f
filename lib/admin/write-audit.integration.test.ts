import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { writeAudit } from "./write-audit";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.cleanup());

const actor = { id: null, email: "admin@lectern.local" };

describe("writeAudit", () => {
  it("stores who, what, when and before → after as JSON", async () => {
    const at = new Date("2026-11-29T12:00:00.000Z");
    await t.db.$transaction((tx) =>
      writeAudit(
        tx,
        { actor, action: "course.update", targetType: "course", targetId: "crs_a", before: { title: "Old" }, after: { title: "New", at } },
        at,
      ),
    );
    const row = await t.db.auditLog.findFirstOrThrow({
      where: { targetId: "crs_a" },
      select: { actorId: true, actorEmail: true, action: true, targetType: true, before: true, after: true, createdAt: true },
    });
    expect(row).toEqual({
      actorId: null,
      actorEmail: "admin@lectern.local",
      action: "course.update",
      targetType: "course",
      before: '{"title":"Old"}',
      after: '{"title":"New","at":"2026-11-29T12:00:00.000Z"}',
      createdAt: at,
    });
  });

  it("keeps no row of a change that rolled back", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await writeAudit(tx, { actor, action: "coupon.create", targetType: "coupon", targetId: "cpn_rolled_back", after: { code: "X" } });
        throw new Error("the change failed after the audit row was written");
      }),
    ).rejects.toThrow("the change failed");
    expect(await t.db.auditLog.count({ where: { targetId: "cpn_rolled_back" } })).toBe(0);
  });

  it("stores null for a creation's before", async () => {
    await t.db.$transaction((tx) =>
      writeAudit(tx, { actor, action: "coupon.create", targetType: "coupon", targetId: "cpn_new", after: { code: "NEW" } }),
    );
    const row = await t.db.auditLog.findFirstOrThrow({ where: { targetId: "cpn_new" }, select: { before: true, after: true } });
    expect(row).toEqual({ before: null, after: '{"code":"NEW"}' });
  });
});
