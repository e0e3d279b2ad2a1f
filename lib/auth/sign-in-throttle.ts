import type { Db } from "../db";
import { UNKNOWN_CLIENT } from "./client-ip";

/**
 * Failed sign-ins, counted in the database so every app instance sees the same numbers, along
 * three keys (OWASP Authentication Cheat Sheet, "Account lockout"):
 * - `pair:<email>|<client>`: one client guessing one account — a low bar, so an attacker soon
 *   stops, without touching the owner, who signs in from another address;
 * - `ip:<client>`: one client guessing across accounts (password spraying);
 * - `account:<email>`: many clients guessing one account — a bar no single client can reach
 *   (it stops at the two above first), so only a distributed attack locks the account; a
 *   password reset lifts it.
 * `<client>` comes from client-ip.ts: a normalised address (the socket's peer, or the trusted
 * proxy's X-Forwarded-For entry) or, where neither exists, UNKNOWN_CLIENT, one shared bucket.
 * Keys exist for unknown addresses exactly as for real ones, so a lock says nothing about
 * whether an account exists.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerPair: 5,
  maxPerClient: 20,
  maxPerAccount: 50,
} as const;

export type TThrottleKeys = { email: string; ip: string | null };

const accountOf = (email: string) => email.trim().toLowerCase();

function keysOf({ email, ip }: TThrottleKeys): { key: string; max: number }[] {
  const account = accountOf(email);
  const client = ip ?? UNKNOWN_CLIENT;
  return [
    { key: `pair:${account}|${client}`, max: THROTTLE.maxPerPair },
    { key: `ip:${client}`, max: THROTTLE.maxPerClient },
    { key: `account:${account}`, max: THROTTLE.maxPerAccount },
  ];
}

/** Seconds until sign-in may be tried again, or 0 when it may be tried now. */
export async function signInRetryAfter(db: Db, keys: TThrottleKeys, now = new Date()): Promise<number> {
  const rows = await db.signInThrottle.findMany({
    where: { key: { in: keysOf(keys).map((k) => k.key) }, lockedUntil: { gt: now } },
    select: { lockedUntil: true },
  });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

export async function recordSignInFailure(db: Db, keys: TThrottleKeys, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
  await pruneStaleThrottles(db, now);
  for (const { key, max } of keysOf(keys)) {
    // A window that has passed starts over; otherwise count up (atomically, two tabs may race).
    await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 0, windowStartedAt: now },
      update: {},
    });
    await db.signInThrottle.updateMany({
      where: { key, windowStartedAt: { lt: windowStart }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { failures: 0, windowStartedAt: now, lockedUntil: null },
    });
    const row = await db.signInThrottle.update({
      where: { key },
      data: { failures: { increment: 1 } },
      select: { failures: true },
    });
    if (row.failures >= max) {
      await db.signInThrottle.update({
        where: { key },
        data: { lockedUntil: new Date(now.getTime() + THROTTLE.lockMs) },
      });
    }
  }
}

/**
 * Rows whose window has passed and whose lock (if any) is over count for nothing: delete them,
 * so a stream of one-off keys cannot grow the table without bound.
 */
async function pruneStaleThrottles(db: Db, now: Date): Promise<void> {
  await db.signInThrottle.deleteMany({
    where: {
      windowStartedAt: { lt: new Date(now.getTime() - THROTTLE.windowMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
  });
}

/** A successful sign-in clears this client's count for the account (not the others'). */
export async function clearSignInFailures(db: Db, keys: TThrottleKeys): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: keysOf(keys)[0]!.key } });
}

/**
 * A password reset proves the owner has the mailbox and makes every earlier guess moot: lift
 * the account's locks, from every client. Clients' own cross-account counts (`ip:`) stay.
 */
export async function clearAccountThrottle(db: Db, email: string): Promise<void> {
  const account = accountOf(email);
  await db.signInThrottle.deleteMany({
    where: { OR: [{ key: `account:${account}` }, { key: { startsWith: `pair:${account}|` } }] },
  });
}
