import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures";
import { rawRequest } from "./support/raw-http";
import { startApp, type TStartedApp } from "./support/start-app";

// Issue 8 (review): with no trusted proxy (TRUSTED_PROXY_HOPS=0, `next start` facing clients),
// an attacker's failed sign-ins must not lock the owner, or everyone, out. The server keys its
// throttle on the socket's peer address: here the attacker and the owner connect from two
// loopback addresses of their own (new ones each run: a lock outlives the test), to a server
// listening on every loopback address.

let app: TStartedApp;
const loopback = () => `127.${1 + Math.floor(Math.random() * 254)}.${1 + Math.floor(Math.random() * 254)}.${2 + Math.floor(Math.random() * 252)}`;
const ATTACKER = loopback();
const OWNER = loopback();
test.beforeAll(async () => {
  app = await startApp({}, { host: "0.0.0.0" });
});
test.afterAll(async () => {
  await app?.stop();
});

const json = (localAddress: string, path: string, body: object) =>
  rawRequest(app.baseURL, {
    method: "POST",
    path,
    localAddress,
    headers: { "content-type": "application/json", origin: app.baseURL },
    body: JSON.stringify(body),
  });

test("an attacker locks only themselves out: the owner signs in from their own address", async () => {
  const email = `owner-${randomUUID()}@example.com`;
  const password = "the-owners-long-password";
  expect((await json(OWNER, "/api/auth/sign-up/email", { email, password, name: "Owner" })).status).toBe(200);

  // Five wrong passwords for the owner's address, then twenty more for other addresses.
  const attacker: number[] = [];
  for (let i = 0; i < 5; i++) attacker.push((await json(ATTACKER, "/api/auth/sign-in/email", { email, password: `wrong-${i}-guess` })).status);
  for (let i = 0; i < 20; i++) {
    attacker.push((await json(ATTACKER, "/api/auth/sign-in/email", { email: `nobody-${i}-${randomUUID()}@example.com`, password: "wrong-guess" })).status);
  }
  expect(attacker.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
  expect(attacker.at(-1)).toBe(429);
  // The attacker is stopped, even with the right password…
  expect((await json(ATTACKER, "/api/auth/sign-in/email", { email, password })).status).toBe(429);
  // …a forged X-Forwarded-For changes nothing (no proxy is trusted)…
  const forged = await rawRequest(app.baseURL, {
    method: "POST",
    path: "/api/auth/sign-in/email",
    localAddress: ATTACKER,
    headers: { "content-type": "application/json", origin: app.baseURL, "x-forwarded-for": "198.51.100.1", "x-lectern-peer-address": "198.51.100.1" },
    body: JSON.stringify({ email, password }),
  });
  expect(forged.status).toBe(429);
  // …and the owner, from their own address, is not.
  expect((await json(OWNER, "/api/auth/sign-in/email", { email, password })).status).toBe(200);
});
