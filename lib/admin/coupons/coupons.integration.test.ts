import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCoupon, COUPON_SELECT } from "../../commerce/check-coupon";
import { createCourse } from "../../commerce/testing/commerce-factories";
import { createTestDatabase, type TestDatabase } from "../../../tests/support/test-db";
import type { TAdminDeps } from "../admin-deps";
import { ZCreateCoupon } from "./coupon-schemas";
import { createCoupon } from "./create-coupon";
import { listAdminCoupons, loadAdminCoupon } from "./list-admin-coupons";
import { setCouponActive } from "./set-coupon-active";

let t: TestDatabase;
let deps: TAdminDeps;
const now = new Date("2026-11-29T10:00:00.000Z");

beforeAll(async () => {
  t = await createTestDatabase();
  deps = { db: t.db, now: () => now, actor: { id: null, email: "admin@lectern.local" } };
});
afterAll(() => t.cleanup());

const form = (overrides: Record<string, string>) =>
  ZCreateCoupon.parse({
    code: "spring",
    description: "",
    kind: "percent",
    percentOff: "25",
    amountOff: "",
    courseId: "",
    expiresOn: "",
    maxRedemptions: "",
    ...overrides,
  });

async function check(code: string, courseId: string) {
  const row = await t.db.coupon.findUnique({ where: { code }, select: COUPON_SELECT });
  return checkCoupon(row, { code, courseId, now });
}

describe("admin coupons", () => {
  it("creates a percent coupon for every course that checkout accepts, audited", async () => {
    const course = await createCourse(t.db);
    const { couponId } = await createCoupon(deps, form({ code: "spring" }));
    expect(await check("SPRING", course.id)).toEqual({ kind: "percent", percentOff: 25 });
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { targetId: couponId }, select: { action: true, after: true } });
    expect(audit.action).toBe("coupon.create");
    expect(JSON.parse(audit.after!)).toMatchObject({ code: "SPRING", kind: "percent", percentOff: 25, amountOffCents: null });
  });

  it("creates a fixed coupon for one course with expiry and a cap", async () => {
    const course = await createCourse(t.db, { priceCents: 5000 });
    const other = await createCourse(t.db);
    await createCoupon(deps, form({ code: "ten-off", kind: "fixed", percentOff: "", amountOff: "10", courseId: course.id, expiresOn: "2026-12-31", maxRedemptions: "2" }));
    const row = await t.db.coupon.findUniqueOrThrow({ where: { code: "TEN-OFF" }, select: COUPON_SELECT });
    expect(row).toMatchObject({ amountOffCents: 1000, percentOff: null, maxRedemptions: 2, expiresAt: new Date("2026-12-31T23:59:59.999Z") });
    expect(await check("TEN-OFF", course.id)).toEqual({ kind: "fixed", amountOffCents: 1000 });
    await expect(check("TEN-OFF", other.id)).rejects.toThrow("This coupon is not valid for this course");
  });

  it("refuses a taken code, a past expiry, an unknown course and a discount above the price, per field", async () => {
    const course = await createCourse(t.db, { priceCents: 500 });
    await createCoupon(deps, form({ code: "taken" }));
    await expect(createCoupon(deps, form({ code: "TAKEN" }))).rejects.toMatchObject({ code: "CONFLICT", details: { field: "code" } });
    await expect(createCoupon(deps, form({ code: "old", expiresOn: "2026-11-28" }))).rejects.toMatchObject({ details: { field: "expiresOn" } });
    await expect(createCoupon(deps, form({ code: "nowhere", courseId: "crs_missing" }))).rejects.toMatchObject({ details: { field: "courseId" } });
    await expect(
      createCoupon(deps, form({ code: "toomuch", kind: "fixed", percentOff: "", amountOff: "6", courseId: course.id })),
    ).rejects.toMatchObject({ details: { field: "amountOff" } });
    expect(await t.db.coupon.count({ where: { code: { in: ["OLD", "NOWHERE", "TOOMUCH"] } } })).toBe(0);
  });

  it("asks for the amount that fits the kind", () => {
    const r = ZCreateCoupon.safeParse({ code: "x12", description: "", kind: "fixed", percentOff: "", amountOff: "", courseId: "", expiresOn: "", maxRedemptions: "" });
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["amountOff", "Enter the amount off, like 10 or 9.99"]]);
  });

  it("disables a coupon: checkout refuses it; a repeat changes nothing; it can be enabled again", async () => {
    const course = await createCourse(t.db);
    const { couponId } = await createCoupon(deps, form({ code: "gone" }));
    expect(await setCouponActive(deps, { couponId, active: false })).toEqual({ changed: true });
    expect(await setCouponActive(deps, { couponId, active: false })).toEqual({ changed: false });
    await expect(check("GONE", course.id)).rejects.toThrow("This coupon is no longer active");
    await setCouponActive(deps, { couponId, active: true });
    expect(await check("GONE", course.id)).toEqual({ kind: "percent", percentOff: 25 });
    const actions = await t.db.auditLog.findMany({ where: { targetId: couponId }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["coupon.create", "coupon.disable", "coupon.enable"]);
  });

  it("lists the orders that used a coupon", async () => {
    const course = await createCourse(t.db);
    const { couponId } = await createCoupon(deps, form({ code: "used" }));
    const user = await t.db.user.create({ data: { id: "usr_used", name: "B", email: "buyer@example.com" }, select: { id: true } });
    await t.db.order.create({
      data: {
        number: "LEC-20261129-USED01",
        userId: user.id,
        courseId: course.id,
        status: "paid",
        currency: "USD",
        subtotalCents: 5999,
        discountCents: 1500,
        totalCents: 4499,
        couponId,
        couponCode: "USED",
        provider: "local",
        buyerName: "B",
        buyerEmail: "buyer@example.com",
      },
      select: { id: true },
    });
    const coupon = await loadAdminCoupon(t.db, couponId);
    expect(coupon!.orders.map((o) => [o.number, o.buyerEmail, o.status])).toEqual([["LEC-20261129-USED01", "buyer@example.com", "paid"]]);
    expect((await listAdminCoupons(t.db)).find((c) => c.id === couponId)!.paidOrders).toBe(1);
  });
});
