import type { Db } from "../db";

/**
 * Failed sign-ins are counted per account and per IP in a sliding window; past the limit the
 * key is locked for a while. Stored in the database so every app instance sees the same
 * counts. Messages never say whether the account exists.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerIp: 20,
} as const;

export type TThrottleKeys = { email: string; ip: string | null };

function keysOf({ email, ip }: TThrottleKeys): { key: string; max: number }[] {
  const keys: { key: string; max: number }[] = [
    { key: `email:${email.trim().toLowerCase()}`, max: THROTTLE.maxPerAccount },
  ];
  if (ip) keys.push({ key: `ip:${ip}`, max: THROTTLE.maxPerIp });
  return keys;
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
  for (const { key, max } of keysOf(keys)) {
    const windowStart = new Date(now.getTime() - THROTTLE.windowMs);
    // A window that has passed starts over; otherwise count up (atomically, two tabs may race).
    await db.signInThrottle.upsert({
      where: { key },
      create: { key, failures: 0, windowStartedAt: now },
      update: {},
    });
    await db.signInThrottle.updateMany({
      where: { key, windowStartedAt: { lt: windowStart } },
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

/** A successful sign-in clears the account's count (not the IP's). */
export async function clearSignInFailures(db: Db, email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
