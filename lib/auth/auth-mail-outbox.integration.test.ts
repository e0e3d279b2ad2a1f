import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { loadEnv } from "../env";
import { deliverOutbox } from "../mail/deliver-outbox";
import { startTestSmtpServer, type TTestSmtpServer } from "../mail/testing/test-smtp-server";
import { createAuth, type TAuth } from "./create-auth";

// Better Auth's mail (verification, reset) is queued in the outbox from its callbacks and sent
// afterwards: a refusing SMTP server fails neither sign-up nor a reset request, and the mail
// still arrives once the server accepts (issue 13, ADR 010). Real database, real SMTP server.

const APP = "http://localhost:3998";
let t: TestDatabase;
let smtp: TTestSmtpServer;
let auth: TAuth;
let env: ReturnType<typeof loadEnv>;

beforeAll(async () => {
  t = await createTestDatabase();
  smtp = await startTestSmtpServer("refuse");
  env = loadEnv({ NODE_ENV: "test", APP_URL: APP, PORT: "3998", DATABASE_URL: t.url, SMTP_URL: smtp.url });
  auth = createAuth({ db: t.db, env });
});
afterAll(async () => {
  await smtp?.close();
  await t?.cleanup();
});

const post = (path: string, body: unknown) =>
  auth.handler(
    new Request(`${APP}/api/auth${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: APP },
      body: JSON.stringify(body),
    }),
  );

describe("Better Auth mail through the outbox", () => {
  it("signs up and accepts a reset request while SMTP refuses mail; both mails go out once it accepts", async () => {
    const connections = smtp.connections;
    expect((await post("/sign-up/email", { email: "ada@example.com", password: "a-good-password", name: "Ada" })).status).toBe(200);
    expect((await post("/request-password-reset", { email: "ada@example.com", redirectTo: "/reset-password" })).status).toBe(200);
    // Nothing was sent inside the requests (outside Next there is no after(): the loop sends).
    expect(smtp.connections).toBe(connections);

    const queued = await t.db.outboxMessage.findMany({
      where: { to: "ada@example.com" },
      orderBy: { createdAt: "asc" },
      select: { subject: true, status: true },
    });
    expect(queued).toEqual([
      { subject: "Confirm your e-mail address", status: "pending" },
      { subject: "Reset your Lectern password", status: "pending" },
    ]);

    expect(await deliverOutbox({ db: t.db, env })).toEqual({ sent: 0, retrying: 2, failed: 0 });
    smtp.setMode("accept");
    expect(await deliverOutbox({ db: t.db, env, now: () => new Date(Date.now() + 60_000) })).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(smtp.received.map((m) => m.subject).sort()).toEqual(["Confirm your e-mail address", "Reset your Lectern password"]);
  });
});
