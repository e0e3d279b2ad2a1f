import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProvider, type TestDatabase } from "../../../tests/support/test-db";
import { createDb, type Db } from "../../db";
import { AppError } from "../../errors";
import { createOrder } from "../create-order";
import { failOrder } from "../fail-order";
import { fulfilOrder } from "../fulfil-order";
import { loadReceipt } from "../load-receipt";
import { refundOrder } from "../refund-order";
import { startCheckout } from "../start-checkout";
import { createLocalProvider } from "../payments/local-provider";
import { createCourse, createUser, receiptMails, testEnv } from "../testing/commerce-factories";
import { ZBillingDetails } from "./billing-details";
import { updateBillingDetails } from "./update-billing-details";

let t: TestDatabase;
/**
 * On PostgreSQL, two more clients (connection pools) to the same database: the parallel tests
 * race across them as several app instances would. On SQLite one client: its adapter runs one
 * transaction at a time per connection, and a second connection in the same process would
 * block the event loop in better-sqlite3's synchronous busy wait while the lock holder cannot
 * run (a deadlock of the test, not of the app, whose instances are separate processes).
 */
let others: Db[] = [];
let dbs: Db[] = [];
let course: { id: string; slug: string; title: string };

beforeAll(async () => {
  t = await createTestDatabase();
  others = testProvider(t.url) === "postgres" ? [createDb(t.url), createDb(t.url)] : [];
  dbs = [t.db, ...others];
  course = await createCourse(t.db, { slug: "invoiced-course", priceCents: 5999, title: "Enterprise Software with Python" });
});
afterAll(async () => {
  await Promise.all(others.map((db) => db.$disconnect()));
  await t?.cleanup();
});

/** Each test numbers its own series (INVOICE_PREFIX), so it counts from 1 whatever ran before. */
const envWith = (prefix: string, more: Partial<typeof testEnv> = {}) => ({ ...testEnv, INVOICE_PREFIX: prefix, ...more });

async function pendingOrder(name = "Ada Lovelace", courseSlug = course.slug) {
  const user = await createUser(t.db, { name });
  const order = await createOrder({ db: t.db }, { userId: user.id, courseSlug, provider: "local" });
  return { user, order };
}

async function invoiceOf(orderId: string) {
  return t.db.order.findUniqueOrThrow({
    where: { id: orderId },
    select: { invoiceSeries: true, invoiceSeq: true, invoiceRevision: true, taxRateBps: true, taxCents: true, creditNoteSeq: true },
  });
}

const owner = (userId: string) => ({ userId, role: "learner" as const });

describe("invoice numbers", () => {
  it("the paying transaction issues INV-000001 with the checkout's billing details, seller, tax and a receipt mail in text and HTML", async () => {
    const env = envWith("INV-", { TAX_RATE_PERCENT: 19 });
    const user = await createUser(t.db, { name: "Ada Lovelace" });
    const billing = ZBillingDetails.parse({
      billingCompany: "Analytical Engines <Ltd> & Co",
      billingAddress: "12 Marylebone Road\nLondon NW1 5LR\nUnited Kingdom",
      billingVatId: "gb123456789",
    });
    const { orderId } = await startCheckout(
      { db: t.db, env, provider: createLocalProvider() },
      { userId: user.id, course: course.slug, coupon: undefined, ...billing },
    );
    expect(await invoiceOf(orderId)).toMatchObject({ invoiceSeq: null, invoiceRevision: 0 }); // pending: no number
    const paidAt = new Date("2026-11-29T10:00:00Z");
    await fulfilOrder({ db: t.db, env, now: () => paidAt }, { orderId, paymentMethod: "Local test payment" });

    const receipt = (await loadReceipt(t.db, orderId, owner(user.id)))!;
    expect(receipt.invoice).toEqual({
      number: "INV-000001",
      revision: 1,
      issuedAt: paidAt,
      firstIssuedAt: paidAt,
      replaces: [],
      seller: { name: "Lectern Courses GmbH", address: "Hauptstraße 1, 10115 Berlin, Germany", taxId: "DE123456789" },
      buyer: {
        name: "Ada Lovelace",
        email: user.email,
        company: "Analytical Engines <Ltd> & Co",
        address: "12 Marylebone Road\nLondon NW1 5LR\nUnited Kingdom",
        taxId: "GB123456789",
      },
      taxLabel: "VAT",
      taxRateBps: 1900,
      taxCents: 958,
      netCents: 5041,
      creditNote: null,
    });

    const [mail] = await receiptMails(t.db, user.email);
    expect(mail!.subject).toBe(`Your Lectern receipt ${receipt.number} (invoice INV-000001)`);
    for (const fact of ["INV-000001", "VAT 19% (included in the price): $9.58", "Net: $50.41", "VAT ID: DE123456789", "VAT ID: GB123456789",
      "Analytical Engines <Ltd> & Co", "  London NW1 5LR", `http://localhost:3000/account/orders/${orderId}/invoice`]) {
      expect(mail!.text).toContain(fact);
    }
    expect(mail!.html).toContain("Analytical Engines &lt;Ltd&gt; &amp; Co");
    expect(mail!.html).not.toContain("<Ltd>");
    expect(mail!.html).toContain("12 Marylebone Road<br>London NW1 5LR");
    expect(mail!.html).toContain(`/account/orders/${orderId}/invoice`);
    expect(mail!.html).toContain("VAT 19% (included in the price)");

    // The rate is fixed at issue: changing the configuration later changes no issued invoice.
    const later = await loadReceipt(t.db, orderId, "system");
    expect(later!.invoice!.taxCents).toBe(958);
  });

  it("shows a 0 % tax line by default, and unpaid, failed, expired and void orders never take a number", async () => {
    const env = envWith("GAP-");
    const failed = await pendingOrder();
    await failOrder({ db: t.db }, { orderId: failed.order.id });
    expect(await fulfilOrder({ db: t.db, env }, { orderId: failed.order.id, paymentMethod: "Test" })).toMatchObject({ status: "failed" });

    const expired = await pendingOrder();
    const late = () => new Date(expired.order.createdAt.getTime() + 31 * 60_000);
    expect(await fulfilOrder({ db: t.db, env, now: late }, { orderId: expired.order.id, paymentMethod: "Test" })).toMatchObject({
      status: "expired",
    });

    const pending = await pendingOrder();
    const first = await pendingOrder();
    await fulfilOrder({ db: t.db, env }, { orderId: first.order.id, paymentMethod: "Test" });
    // The same buyer's second order for the course, paid too: void, no invoice.
    const second = await createOrder({ db: t.db }, { userId: first.user.id, courseSlug: course.slug, provider: "stripe" }).catch(
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(AppError); // already owned: not even an order

    const next = await pendingOrder();
    await fulfilOrder({ db: t.db, env }, { orderId: next.order.id, paymentMethod: "Test" });

    for (const o of [failed, expired, pending]) expect(await invoiceOf(o.order.id)).toMatchObject({ invoiceSeq: null, invoiceRevision: 0 });
    expect(await invoiceOf(first.order.id)).toMatchObject({ invoiceSeries: "GAP-", invoiceSeq: 1, taxRateBps: 0, taxCents: 0 });
    expect(await invoiceOf(next.order.id)).toMatchObject({ invoiceSeries: "GAP-", invoiceSeq: 2 });
    const [mail] = await receiptMails(t.db, first.user.email);
    expect(mail!.text).toContain("VAT 0% (included in the price): $0.00");
    expect(mail!.text).toContain("Prices include VAT.");
  });

  it("a voided double payment takes no number", async () => {
    const env = envWith("VOID-");
    const user = await createUser(t.db);
    const a = await createOrder({ db: t.db }, { userId: user.id, courseSlug: course.slug, provider: "local" });
    const b = await createOrder({ db: t.db }, { userId: user.id, courseSlug: course.slug, provider: "stripe" });
    const results = await Promise.all([
      fulfilOrder({ db: t.db, env }, { orderId: a.id, paymentMethod: "Test" }),
      fulfilOrder({ db: dbs[1 % dbs.length]!, env }, { orderId: b.id, paymentMethod: "Test" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["paid", "void"]);
    const seqs = [(await invoiceOf(a.id)).invoiceSeq, (await invoiceOf(b.id)).invoiceSeq];
    expect(seqs.filter((s) => s !== null)).toEqual([1]);
  });

  it("24 orders paid in parallel over three connection pools on PostgreSQL get 1…24 exactly: no duplicate, no gap (failures and repeats mixed in)", async () => {
    const env = envWith("PAR-");
    // Sized so every transaction gets a pooled connection at once (3 pools of 10 on PostgreSQL):
    // the race is on the counter, not on the pool (a loaded CI machine made pool waits time out).
    const N = 24;
    const buyers = await Promise.all(Array.from({ length: N }, (_, i) => pendingOrder(`Buyer ${i}`)));
    const losers = await Promise.all(Array.from({ length: 3 }, (_, i) => pendingOrder(`Loser ${i}`)));
    const calls = [
      ...buyers.map((b, i) => () => fulfilOrder({ db: dbs[i % dbs.length]!, env }, { orderId: b.order.id, paymentMethod: "Test" })),
      // The same payment reported twice more, at the same time, on other connections.
      ...buyers.slice(0, 3).map((b, i) => () => fulfilOrder({ db: dbs[(i + 1) % dbs.length]!, env }, { orderId: b.order.id, paymentMethod: "Test" })),
      // Declined payments racing the others.
      ...losers.map((l, i) => () => failOrder({ db: dbs[i % dbs.length]! }, { orderId: l.order.id })),
    ];
    const results = await Promise.all(calls.map((call) => call()));
    expect(results.filter((r) => "fulfilled" in r && r.fulfilled)).toHaveLength(N);

    const rows = await t.db.order.findMany({ where: { invoiceSeries: "PAR-" }, select: { id: true, invoiceSeq: true } });
    const seqs = rows.map((r) => r.invoiceSeq!).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.id))).toEqual(new Set(buyers.map((b) => b.order.id)));
    expect(await t.db.invoiceCounter.findUnique({ where: { series: "PAR-" }, select: { last: true } })).toEqual({ last: N });
    // One revision and one receipt per paid order.
    expect(await t.db.invoiceRevision.count({ where: { orderId: { in: buyers.map((b) => b.order.id) } } })).toBe(N);
    for (const b of buyers.slice(0, 3)) expect(await receiptMails(t.db, b.user.email)).toHaveLength(1);
  });
});

/**
 * Pays the orders in a separate process (another app instance). `ready` resolves once the
 * process is connected; it pays when `go()` is called; `done` resolves with its results.
 */
function payingProcess(prefix: string, orderIds: string[]) {
  const script = path.join(__dirname, "testing/fulfil-orders-process.ts");
  const proc = spawn(process.execPath, ["--import", "tsx", script, t.url, prefix, ...orderIds], {
    cwd: path.resolve(__dirname, "../../.."),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const ready = new Promise<void>((resolve, reject) => {
    proc.stdout!.on("data", (d: Buffer) => {
      stdout += d.toString();
      if (stdout.startsWith("ready\n")) resolve();
    });
    proc.on("exit", (code) => reject(new Error(`paying process exited early (${code}):\n${stderr}`)));
  });
  const done = new Promise<{ fulfilled: boolean; status: string }[]>((resolve, reject) => {
    proc.on("exit", (code) =>
      code === 0 ? resolve(JSON.parse(stdout.slice("ready\n".length))) : reject(new Error(`paying process failed (${code}):\n${stderr}`)),
    );
  });
  return { ready, done, go: () => proc.stdin!.write("go\n") };
}

describe("invoice numbers across processes", () => {
  it("4 processes paying 8 orders each at once (as 4 app instances would) get 1…32 exactly", { timeout: 180_000 }, async () => {
    // 8 a process: each gets a pooled connection at once (pools of 10), so they race on the counter.
    const buyers = await Promise.all(Array.from({ length: 32 }, (_, i) => pendingOrder(`Instance buyer ${i}`)));
    const ids = buyers.map((b) => b.order.id);
    const chunks = [0, 1, 2, 3].map((k) => ids.filter((_, i) => i % 4 === k));
    const processes = chunks.map((chunk) => payingProcess("PROC-", chunk));
    await Promise.all(processes.map((p) => p.ready));
    for (const p of processes) p.go(); // all four start paying at once
    const results = (await Promise.all(processes.map((p) => p.done))).flat();
    expect(results.filter((r) => r.fulfilled && r.status === "paid")).toHaveLength(32);
    const rows = await t.db.order.findMany({ where: { invoiceSeries: "PROC-" }, select: { invoiceSeq: true } });
    expect(rows.map((r) => r.invoiceSeq!).sort((x, y) => x - y)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  });
});

describe("billing details after payment", () => {
  it("re-issues the invoice as revision 2 dated now, same number and seller; an unchanged submit changes nothing", async () => {
    const env = envWith("REV-");
    const { user, order } = await pendingOrder("Grace Hopper");
    const paidAt = new Date("2026-11-01T09:00:00Z");
    await fulfilOrder({ db: t.db, env, now: () => paidAt }, { orderId: order.id, paymentMethod: "Test" });
    const editedAt = new Date("2026-11-20T15:30:00Z");
    const details = ZBillingDetails.parse({ billingCompany: "Navy Computing Lab", billingAddress: "1 Pier Road\nArlington", billingVatId: "US-99" });
    // The configured seller has changed since: a re-issue keeps the seller who sold it.
    expect(
      await updateBillingDetails({ db: t.db, now: () => editedAt }, { orderId: order.id, viewer: owner(user.id), details }),
    ).toEqual({ outcome: "reissued", revision: 2 });
    expect(
      await updateBillingDetails({ db: t.db, now: () => editedAt }, { orderId: order.id, viewer: owner(user.id), details }),
    ).toEqual({ outcome: "unchanged", revision: 2 });

    const invoice = (await loadReceipt(t.db, order.id, owner(user.id)))!.invoice!;
    expect(invoice).toMatchObject({
      number: "REV-000001",
      revision: 2,
      issuedAt: editedAt,
      firstIssuedAt: paidAt,
      replaces: [{ revision: 1, issuedAt: paidAt }],
      seller: { name: "Lectern Courses GmbH", taxId: "DE123456789" },
      buyer: { name: "Grace Hopper", company: "Navy Computing Lab", address: "1 Pier Road\nArlington", taxId: "US-99" },
    });
    expect((await invoiceOf(order.id)).invoiceSeq).toBe(1);
    expect(await t.db.invoiceCounter.findUnique({ where: { series: "REV-" }, select: { last: true } })).toEqual({ last: 1 });
  });

  it("only the owner or an admin may change them; anyone else is told the order does not exist", async () => {
    const env = envWith("ACL-");
    const { user, order } = await pendingOrder();
    await fulfilOrder({ db: t.db, env }, { orderId: order.id, paymentMethod: "Test" });
    const stranger = await createUser(t.db, { name: "Mallory" });
    const admin = await createUser(t.db, { name: "Admin", role: "admin" });
    const details = ZBillingDetails.parse({ billingCompany: "Evil Corp" });
    const attempt = (viewer: { userId: string; role: "learner" | "admin" }, orderId = order.id) =>
      updateBillingDetails({ db: t.db }, { orderId, viewer, details }).catch((e: unknown) => e);

    const denied = await attempt(owner(stranger.id));
    expect(denied).toBeInstanceOf(AppError);
    expect(denied).toMatchObject({ code: "NOT_FOUND" });
    expect(await attempt(owner(stranger.id), "no-such-order")).toMatchObject({ code: "NOT_FOUND" });
    expect(await loadReceipt(t.db, order.id, owner(stranger.id))).toBeNull();
    expect((await invoiceOf(order.id)).invoiceRevision).toBe(1);

    expect(await attempt({ userId: admin.id, role: "admin" })).toEqual({ outcome: "reissued", revision: 2 });
    expect(await attempt(owner(user.id))).toEqual({ outcome: "unchanged", revision: 2 });
  });

  it("before payment they are only saved; an order that ended unpaid refuses with a conflict", async () => {
    const env = envWith("PEND-");
    const { user, order } = await pendingOrder();
    const details = ZBillingDetails.parse({ billingVatId: "DE 811 569 869" });
    expect(await updateBillingDetails({ db: t.db }, { orderId: order.id, viewer: owner(user.id), details })).toEqual({
      outcome: "saved",
      revision: 0,
    });
    await fulfilOrder({ db: t.db, env }, { orderId: order.id, paymentMethod: "Test" });
    expect((await loadReceipt(t.db, order.id, "system"))!.invoice).toMatchObject({ revision: 1, buyer: { taxId: "DE 811 569 869" } });

    const failed = await pendingOrder();
    await failOrder({ db: t.db }, { orderId: failed.order.id });
    await expect(
      updateBillingDetails({ db: t.db }, { orderId: failed.order.id, viewer: owner(failed.user.id), details }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: "This order was not paid, so it has no invoice to change" });
  });

  it("ten edits at once make revisions 2…11, each once", async () => {
    const env = envWith("CONC-");
    const { user, order } = await pendingOrder();
    await fulfilOrder({ db: t.db, env }, { orderId: order.id, paymentMethod: "Test" });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        updateBillingDetails(
          { db: dbs[i % dbs.length]! },
          { orderId: order.id, viewer: owner(user.id), details: ZBillingDetails.parse({ billingCompany: `Company ${i}` }) },
        ),
      ),
    );
    expect(results.map((r) => r.revision).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const revisions = await t.db.invoiceRevision.findMany({ where: { orderId: order.id }, select: { revision: true } });
    expect(revisions.map((r) => r.revision).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });
});

describe("credit notes", () => {
  it("a refund issues a credit note with its own gapless number, once; the invoice keeps its number", async () => {
    const env = envWith("CRN-");
    const paid = await Promise.all(Array.from({ length: 6 }, () => pendingOrder()));
    for (const p of paid) await fulfilOrder({ db: t.db, env }, { orderId: p.order.id, paymentMethod: "Test" });
    const refundedAt = new Date("2026-11-25T12:00:00Z");
    // Four refunds at once, each reported twice.
    await Promise.all(
      paid.slice(0, 4).flatMap((p, i) => [
        refundOrder({ db: dbs[i % dbs.length]!, now: () => refundedAt }, { orderId: p.order.id }),
        refundOrder({ db: dbs[(i + 1) % dbs.length]!, now: () => refundedAt }, { orderId: p.order.id }),
      ]),
    );
    const notes = await t.db.order.findMany({ where: { invoiceSeries: "CRN-", creditNoteSeq: { not: null } }, select: { creditNoteSeq: true } });
    expect(notes.map((n) => n.creditNoteSeq).sort()).toEqual([1, 2, 3, 4]);
    const receipt = (await loadReceipt(t.db, paid[0]!.order.id, "system"))!;
    expect(receipt.status).toBe("refunded");
    expect(receipt.invoice!.number).toMatch(/^CRN-00000[1-6]$/);
    expect(receipt.invoice!.creditNote).toEqual({ number: expect.stringMatching(/^CRN-CN-00000[1-4]$/), issuedAt: refundedAt });
    expect((await loadReceipt(t.db, paid[5]!.order.id, "system"))!.invoice!.creditNote).toBeNull();
  });
});
