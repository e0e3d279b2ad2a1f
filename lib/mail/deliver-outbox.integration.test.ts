import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { createDb } from "../db";
import { LEASE_MS, deliverOutbox } from "./deliver-outbox";
import { enqueueMail } from "./enqueue-mail";
import { listOutbox } from "./list-outbox";
import { MAX_ATTEMPTS } from "./decide-retry";
import { downSmtpUrl, startTestSmtpServer, type TTestSmtpServer } from "./testing/test-smtp-server";

// deliverOutbox against a real database and a real SMTP server (smtp-server on 127.0.0.1),
// with an injected clock for the backoff.

const MAIL_FROM = "Lectern <no-reply@lectern.local>";
const T0 = new Date("2026-11-29T12:00:00Z");
const at = (seconds: number) => () => new Date(T0.getTime() + seconds * 1000);

let smtp: TTestSmtpServer;
let t: TestDatabase;
const env = () => ({ SMTP_URL: smtp.url, MAIL_FROM });

beforeAll(async () => {
  smtp = await startTestSmtpServer();
});
afterAll(() => smtp?.close());
beforeEach(async () => {
  t = await createTestDatabase();
  smtp.setMode("accept");
  smtp.received.length = 0;
});
afterEach(() => t?.cleanup());

const queue = (to: string, subject = `Hello ${to}`) => enqueueMail(t.db, env(), { to, subject, text: "Hi." }, T0);
const row = (id: string) =>
  t.db.outboxMessage.findUniqueOrThrow({
    where: { id },
    select: { status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true, leaseUntil: true },
  });

describe("deliverOutbox", () => {
  it("retries a refused message with exponential backoff, then delivers it exactly once", async () => {
    const { id, status } = await queue("ada@example.com", "Confirm your e-mail address");
    expect(status).toBe("pending");
    smtp.setMode("refuse");

    expect(await deliverOutbox({ db: t.db, env: env(), now: at(0) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let state = await row(id);
    expect(state).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: at(30)(), leaseUntil: null, sentAt: null });
    expect(state.lastError).toContain("451");

    // Not due yet: nobody even connects.
    const connections = smtp.connections;
    expect(await deliverOutbox({ db: t.db, env: env(), now: at(29) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.connections).toBe(connections);

    expect(await deliverOutbox({ db: t.db, env: env(), now: at(30) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ attempts: 2, nextAttemptAt: at(30 + 60)() });
    expect(await deliverOutbox({ db: t.db, env: env(), now: at(90) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ attempts: 3, nextAttemptAt: at(90 + 120)() });

    smtp.setMode("accept");
    expect(await deliverOutbox({ db: t.db, env: env(), now: at(210) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
    state = await row(id);
    expect(state).toMatchObject({ status: "sent", attempts: 4, sentAt: at(210)(), lastError: null, leaseUntil: null });
    expect(smtp.received).toEqual([
      { to: ["ada@example.com"], subject: "Confirm your e-mail address", messageId: `<${id}@lectern.outbox>` },
    ]);

    // Later rounds never send it again.
    expect(await deliverOutbox({ db: t.db, env: env(), now: at(86_400) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("retries while the SMTP server is down (nothing listening)", async () => {
    const { id } = await queue("bob@example.com");
    const down = { SMTP_URL: await downSmtpUrl(), MAIL_FROM };
    expect(await deliverOutbox({ db: t.db, env: down, now: at(0) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1, nextAttemptAt: at(30)() });
    expect((await row(id)).lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts, and at once on a permanent refusal; /dev/outbox shows why`, async () => {
    const { id: busy } = await queue("busy@example.com");
    smtp.setMode("refuse");
    let report;
    for (let round = 0; round < MAX_ATTEMPTS; round++) {
      // Far enough ahead that the message is always due.
      report = await deliverOutbox({ db: t.db, env: env(), now: at(round * 3600) });
    }
    expect(report).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(busy)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    expect(await deliverOutbox({ db: t.db, env: env(), now: at(MAX_ATTEMPTS * 3600) })).toEqual({ sent: 0, retrying: 0, failed: 0 });

    const { id: gone } = await queue("gone@example.com");
    smtp.setMode("reject");
    expect(await deliverOutbox({ db: t.db, env: env(), now: at(0) })).toEqual({ sent: 0, retrying: 0, failed: 1 });
    expect(await row(gone)).toMatchObject({ status: "failed", attempts: 1 });

    const listed = await listOutbox(t.db);
    expect(listed.find((m) => m.id === gone)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("550") });
    expect(listed.find((m) => m.id === busy)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastError: expect.stringContaining("451") });
    expect(smtp.received).toEqual([]);
  });

  it("two senders at once (two app instances, two database clients) send each message once", async () => {
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push((await queue(`reader${i}@example.com`)).id);
    const other = createDb(t.url);
    try {
      const [a, b] = await Promise.all([
        deliverOutbox({ db: t.db, env: env(), now: at(0) }),
        deliverOutbox({ db: other, env: env(), now: at(0) }),
      ]);
      expect(a.sent + b.sent).toBe(6);
    } finally {
      await other.$disconnect();
    }
    expect(smtp.received.map((m) => m.messageId).sort()).toEqual(ids.map((id) => `<${id}@lectern.outbox>`).sort());
    for (const id of ids) expect(await row(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("a message survives a restart, even one that died mid-send, and is delivered by the next process", async () => {
    const { id: queued } = await queue("first@example.com");
    const { id: midSend } = await queue("second@example.com");
    // The previous process claimed `midSend` and died before it could record the outcome.
    await t.db.outboxMessage.update({
      where: { id: midSend },
      data: { attempts: 1, leaseToken: "dead-process", leaseUntil: new Date(T0.getTime() + LEASE_MS) },
    });
    await t.db.$disconnect();

    const restarted = createDb(t.url);
    try {
      // Within the dead process's lease only the other message goes out…
      expect(await deliverOutbox({ db: restarted, env: env(), now: at(60) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received.map((m) => m.to[0])).toEqual(["first@example.com"]);
      // …and once the lease has lapsed, the one it held.
      expect(await deliverOutbox({ db: restarted, env: env(), now: at(LEASE_MS / 1000 + 1) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(smtp.received.map((m) => m.to[0])).toEqual(["first@example.com", "second@example.com"]);
      const states = await restarted.outboxMessage.findMany({ where: { id: { in: [queued, midSend] } }, select: { status: true } });
      expect(states).toEqual([{ status: "sent" }, { status: "sent" }]);
    } finally {
      await restarted.$disconnect();
    }
  });

  it("without SMTP_URL mail is kept in the outbox and never sent, even once SMTP is configured", async () => {
    const kept = await enqueueMail(t.db, { SMTP_URL: undefined }, { to: "dev@example.com", subject: "Hi", text: "Hi." }, T0);
    expect(kept.status).toBe("kept");
    const connections = smtp.connections;
    expect(await deliverOutbox({ db: t.db, env: { SMTP_URL: undefined, MAIL_FROM }, now: at(0) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await deliverOutbox({ db: t.db, env: env(), now: at(0) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.connections).toBe(connections);
    expect(smtp.received).toEqual([]);
    expect(await listOutbox(t.db, { to: "dev@example.com" })).toMatchObject([{ status: "kept", attempts: 0, text: "Hi." }]);
  });
});
