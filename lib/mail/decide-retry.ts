/** The first retry waits this long; each further one twice as long as the one before. */
export const FIRST_RETRY_MS = 30_000;
/** No wait between two attempts is longer than this. */
export const MAX_RETRY_MS = 60 * 60_000;
/** After this many failed attempts a message is `failed` (visible at /dev/outbox). */
export const MAX_ATTEMPTS = 10;

export type TRetryDecision = { status: "pending"; nextAttemptAt: Date } | { status: "failed" };

/**
 * What becomes of a message whose delivery attempt number `attempts` (1-based) just failed:
 * another try after an exponential backoff (30 s, 1 min, 2 min, … capped at 1 h: about three
 * hours of trying in all, enough to ride out an SMTP outage), or `failed` once MAX_ATTEMPTS
 * have failed or the server refused it for good (an SMTP 5xx: the same message would be
 * refused again; a 4xx or a network error is worth retrying).
 */
export function decideRetry(input: { attempts: number; now: Date; smtpCode?: number }): TRetryDecision {
  const permanent = input.smtpCode !== undefined && input.smtpCode >= 500 && input.smtpCode < 600;
  if (permanent || input.attempts >= MAX_ATTEMPTS) return { status: "failed" };
  const delay = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, input.attempts - 1), MAX_RETRY_MS);
  return { status: "pending", nextAttemptAt: new Date(input.now.getTime() + delay) };
}
