import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { enqueueMail } from "./enqueue-mail";
import { startOutboxDelivery } from "./start-outbox-delivery";
import { startTestSmtpServer, type TTestSmtpServer } from "./testing/test-smtp-server";

// The loop instrumentation.ts starts once per server process: it finds mail queued before it
// started (a restart) on its own database client, sends it over real SMTP, and stops cleanly.

let t: TestDatabase;
let smtp: TTestSmtpServer;

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await smtp?.close();
  await t?.cleanup();
});

describe("startOutboxDelivery", () => {
  it("delivers mail queued before the process started, is started once per process, and stops", async () => {
    const env = { SMTP_URL: smtp.url, MAIL_FROM: "Lectern <no-reply@lectern.local>", DATABASE_URL: t.url };
    const { id } = await enqueueMail(t.db, env, { to: "ada@example.com", subject: "Your receipt", text: "Thanks." });

    const loop = startOutboxDelivery(env);
    expect(loop).toBeDefined();
    expect(startOutboxDelivery(env)).toBe(loop);
    try {
      await vi.waitFor(() => expect(smtp.received.map((m) => m.messageId)).toEqual([`<${id}@lectern.outbox>`]), { timeout: 10_000 });
    } finally {
      await loop!.stop();
    }
    expect(await t.db.outboxMessage.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "sent" });
    // Stopped: the next start is a new loop.
    const again = startOutboxDelivery(env);
    expect(again).not.toBe(loop);
    await again!.stop();
  });

  it("starts no loop without SMTP_URL: the outbox is the delivery", () => {
    expect(startOutboxDelivery({ SMTP_URL: undefined, MAIL_FROM: "x", DATABASE_URL: t.url })).toBeUndefined();
  });
});
