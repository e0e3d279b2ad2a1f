import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { createOrder } from "./create-order";
import { PENDING_ORDER_TTL_MS } from "./order-expiry";
import { createStripeClient } from "./payments/create-stripe-client";
import { createStripeProvider } from "./payments/stripe-provider";
import { NO_SESSION_GRACE_MS } from "./reconcile-decision";
import { reconcileOrders } from "./reconcile-orders";
import { startCheckout } from "./start-checkout";
import { createCoupon, createCourse, createUser, receiptMails, testEnv } from "./testing/commerce-factories";
import { startFakeStripeAccount, type TFakeStripeAccount } from "./testing/fake-stripe-account";

// Issue 13: after a crash, `npm run lectern -- reconcile-orders` asks Stripe for the truth of
// every pending order. The fake account below answers through the real SDK.

let t: TestDatabase;
let stripe: Stripe;
let account: TFakeStripeAccount;
let course: { id: string; slug: string };
const started = new Date();

beforeAll(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { priceCents: 4900 });
  await createCoupon(t.db, { code: "FREEBIE", percentOff: 100 });
  account = await startFakeStripeAccount({ webhookSecret: testEnv.STRIPE_WEBHOOK_SECRET });
  stripe = createStripeClient("sk_test_reconcile", account.client);
});
afterAll(async () => {
  await account?.close();
  await t?.cleanup();
});

const deps = (now = started) => ({ db: t.db, env: testEnv, stripe, now: () => now });
const checkout = async () => {
  const user = await createUser(t.db);
  const provider = createStripeProvider({ stripe, env: testEnv });
  const { orderId } = await startCheckout({ ...deps(), provider }, { course: course.slug, coupon: undefined, userId: user.id });
  return { user, orderId, session: account.sessionOf(orderId)! };
};
const statusOf = async (id: string) => (await t.db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
const purchasesOf = (orderId: string) => t.db.purchase.count({ where: { orderId, status: "active" } });

describe("reconcileOrders (Stripe)", () => {
  it("pays an order whose session Stripe reports paid, once, with its receipt; a second run changes nothing", async () => {
    const { user, orderId, session } = await checkout();
    account.pay(session.id); // the webhook is lost (the app was down)
    const first = await reconcileOrders(deps());
    expect(first.find((r) => r.orderId === orderId)).toMatchObject({ decision: "fulfil", status: "paid", changed: true });
    expect(await purchasesOf(orderId)).toBe(1);
    expect(await receiptMails(t.db, user.email)).toHaveLength(1);
    const second = await reconcileOrders(deps());
    expect(second.find((r) => r.orderId === orderId)).toBeUndefined(); // no longer pending
    expect(second.every((r) => !r.changed)).toBe(true);
    expect(await purchasesOf(orderId)).toBe(1);
    expect(await receiptMails(t.db, user.email)).toHaveLength(1);
  });

  it("finds the session of an order whose id the crashed checkout never stored", async () => {
    const { orderId, session } = await checkout();
    await t.db.order.update({ where: { id: orderId }, data: { providerRef: null } });
    account.pay(session.id);
    const results = await reconcileOrders(deps());
    expect(results.find((r) => r.orderId === orderId)).toMatchObject({ decision: "fulfil", status: "paid" });
    expect(await purchasesOf(orderId)).toBe(1);
  });

  it("finds lost sessions of several orders past the first page of Stripe's listing", async () => {
    const a = await checkout();
    const b = await checkout();
    // Other shoppers' sessions around the same time: more than one page (100) of the listing.
    for (let i = 0; i < 120; i++) {
      await stripe.checkout.sessions.create({ mode: "payment", client_reference_id: `other_${i}`, success_url: "http://x/" });
    }
    await t.db.order.updateMany({ where: { id: { in: [a.orderId, b.orderId] } }, data: { providerRef: null } });
    account.pay(a.session.id);
    account.pay(b.session.id);
    const listing = (r: { method: string; path: string }) => r.method === "GET" && r.path === "/v1/checkout/sessions";
    const before = account.requests.filter(listing).length;
    const results = await reconcileOrders(deps());
    for (const id of [a.orderId, b.orderId]) expect(results.find((r) => r.orderId === id)).toMatchObject({ decision: "fulfil", status: "paid" });
    expect(account.requests.filter(listing).length - before).toBe(2); // one listing for both orders, two pages
  });

  it("fails an order whose session expired, leaves an open one to Stripe", async () => {
    const expired = await checkout();
    account.expire(expired.session.id);
    const open = await checkout();
    const results = await reconcileOrders(deps());
    expect(results.find((r) => r.orderId === expired.orderId)).toMatchObject({ decision: "fail", status: "failed", changed: true });
    expect(results.find((r) => r.orderId === open.orderId)).toMatchObject({ decision: "wait", status: "pending", changed: false });
    expect(await statusOf(open.orderId)).toBe("pending");
  });

  it("leaves an order without a session until no checkout can create one, then fails it", async () => {
    const user = await createUser(t.db);
    const order = await createOrder({ db: t.db }, { userId: user.id, courseSlug: course.slug, provider: "stripe" });
    const soon = await reconcileOrders(deps(new Date(order.createdAt.getTime() + PENDING_ORDER_TTL_MS)));
    expect(soon.find((r) => r.orderId === order.id)).toMatchObject({ decision: "wait", status: "pending" });
    const later = await reconcileOrders(deps(new Date(order.createdAt.getTime() + NO_SESSION_GRACE_MS + 1000)));
    expect(later.find((r) => r.orderId === order.id)).toMatchObject({ decision: "fail", status: "failed", changed: true });
  });

  it("with --dry-run reports what it would do and changes nothing", async () => {
    const { orderId, session } = await checkout();
    account.pay(session.id);
    const results = await reconcileOrders(deps(), { dryRun: true });
    expect(results.find((r) => r.orderId === orderId)).toMatchObject({ decision: "fulfil", status: "pending", changed: false });
    expect(await statusOf(orderId)).toBe("pending");
    await reconcileOrders(deps());
    expect(await statusOf(orderId)).toBe("paid");
  });

  it("reports an error, and changes nothing, when Stripe can't be asked", async () => {
    const { orderId, session } = await checkout();
    account.pay(session.id);
    const results = await reconcileOrders({ db: t.db, env: testEnv, now: () => started }); // no Stripe client
    expect(results.find((r) => r.orderId === orderId)).toMatchObject({ decision: "error", status: "pending", changed: false });
    expect(results.find((r) => r.orderId === orderId)?.reason).toContain("STRIPE_SECRET_KEY");
    await reconcileOrders(deps());
  });
});

describe("reconcileOrders (local provider and free orders)", () => {
  it("expires a local order past its 30 minutes and finishes a free order left pending", async () => {
    const user = await createUser(t.db);
    const local = await createOrder({ db: t.db }, { userId: user.id, courseSlug: course.slug, provider: "local" });
    const other = await createCourse(t.db, { priceCents: 1000 });
    const free = await createOrder({ db: t.db }, { userId: user.id, courseSlug: other.slug, couponCode: "FREEBIE", provider: "stripe" });
    expect(free.totalCents).toBe(0);
    const now = await reconcileOrders(deps(new Date(local.createdAt.getTime() + 60_000)));
    expect(now.find((r) => r.orderId === local.id)).toMatchObject({ decision: "wait", status: "pending" });
    expect(now.find((r) => r.orderId === free.id)).toMatchObject({ decision: "fulfil", status: "paid", changed: true });
    const later = await reconcileOrders(deps(new Date(local.createdAt.getTime() + PENDING_ORDER_TTL_MS + 1000)));
    expect(later.find((r) => r.orderId === local.id)).toMatchObject({ decision: "expire", status: "expired", changed: true });
  });
});
