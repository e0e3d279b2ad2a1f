import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import type { Db } from "../db";
import { deliverOutbox } from "../mail/deliver-outbox";
import { downSmtpUrl, startTestSmtpServer, type TTestSmtpServer } from "../mail/testing/test-smtp-server";
import { createOrder } from "./create-order";
import { fulfilOrder } from "./fulfil-order";
import { createCourse, createUser, testEnv } from "./testing/commerce-factories";

// The receipt is queued in the payment's transaction and sent afterwards: an SMTP server that
// is down, stalled or refusing never fails or delays a payment (issue 13, ADR 010). Real
// database, real SMTP server on 127.0.0.1.

let smtp: TTestSmtpServer;
let t: TestDatabase;
let course: { id: string; slug: string };

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp?.close());
beforeEach(async () => {
  t = await createTestDatabase();
  course = await createCourse(t.db, { priceCents: 4900 });
  smtp.setMode("accept");
  smtp.received.length = 0;
});
afterEach(() => t?.cleanup());

async function pendingOrder(db: Db = t.db) {
  const user = await createUser(db);
  const order = await createOrder({ db }, { userId: user.id, courseSlug: course.slug, provider: "local" });
  return { user, order };
}

const outbox = (to: string) =>
  t.db.outboxMessage.findMany({ where: { to }, select: { id: true, subject: true, status: true, attempts: true } });
const orderStatus = async (id: string) => (await t.db.order.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe("fulfilOrder and the receipt mail", () => {
  it("an SMTP server that never answers does not hold up the payment: no SMTP during it, receipt queued", async () => {
    smtp.setMode("stall");
    const env = { ...testEnv, SMTP_URL: smtp.url };
    const { user, order } = await pendingOrder();
    const connections = smtp.connections;

    // Sending inline would wait on the stalled server (and, after its timeout, lose the receipt).
    const result = await fulfilOrder({ db: t.db, env }, { orderId: order.id, paymentMethod: "Visa •••• 4242" });

    expect(result).toEqual({ fulfilled: true, status: "paid", mailed: true });
    expect(await orderStatus(order.id)).toBe("paid");
    expect(smtp.connections).toBe(connections);
    expect(await outbox(user.email)).toMatchObject([{ subject: expect.stringContaining(`Your Lectern receipt ${order.number} (invoice INV-`), status: "pending", attempts: 0 }]);
  });

  it("a down SMTP server neither fails the payment nor loses the receipt: delivered once it is back", async () => {
    const down = { ...testEnv, SMTP_URL: await downSmtpUrl() };
    const { user, order } = await pendingOrder();
    const now = new Date();

    expect(await fulfilOrder({ db: t.db, env: down, now: () => now }, { orderId: order.id, paymentMethod: "Visa •••• 4242" })).toEqual({
      fulfilled: true,
      status: "paid",
      mailed: true,
    });
    expect(await deliverOutbox({ db: t.db, env: down, now: () => now })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await orderStatus(order.id)).toBe("paid");

    // The server comes back (at a new address: same configuration change either way).
    const up = { ...testEnv, SMTP_URL: smtp.url };
    const later = new Date(now.getTime() + 30_000);
    expect(await deliverOutbox({ db: t.db, env: up, now: () => later })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toEqual([
      expect.objectContaining({ to: [user.email], subject: expect.stringContaining(`Your Lectern receipt ${order.number} (invoice INV-`) }),
    ]);
    expect(await outbox(user.email)).toMatchObject([{ status: "sent", attempts: 2 }]);
  });

  it("a fulfilment that rolls back after queueing the receipt leaves no receipt; the retry queues one", async () => {
    const env = { ...testEnv, SMTP_URL: smtp.url };
    const { user, order } = await pendingOrder();
    // A real database whose purchase insert fails once — after the order was marked paid and
    // the receipt queued in the same transaction (as a lost purchase race or a dropped
    // connection would).
    let failNext = true;
    const faulty = t.db.$extends({
      query: {
        purchase: {
          async create({ args, query }) {
            if (failNext) {
              failNext = false;
              throw new Error("connection lost while granting the purchase");
            }
            return query(args);
          },
        },
      },
    }) as unknown as Db;

    await expect(fulfilOrder({ db: faulty, env }, { orderId: order.id, paymentMethod: "Visa •••• 4242" })).rejects.toThrow(
      "connection lost",
    );
    expect(await orderStatus(order.id)).toBe("pending");
    expect(await outbox(user.email)).toEqual([]);

    // The provider reports the payment again: now it sticks, with exactly one receipt.
    expect(await fulfilOrder({ db: faulty, env }, { orderId: order.id, paymentMethod: "Visa •••• 4242" })).toMatchObject({
      status: "paid",
      mailed: true,
    });
    expect(await outbox(user.email)).toHaveLength(1);
    expect(await deliverOutbox({ db: t.db, env })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });
});
