/**
 * A hint that this browser's page views render per request even with a session, instead of the
 * viewer shell (issue 12, ADR 019): an admin's pages list what the shared shell cannot
 * (unpublished courses, segments without media). Set by the viewer JSON for an admin
 * (viewer-response.ts) and on an admin's sign-in; read by lib/http/decide-cached-page.ts. Only
 * ever opts out of the shared renders, so a forged one costs its sender speed, nothing else.
 */
export const PER_REQUEST_COOKIE = "lectern-per-request";

/** Its attributes: a year, the whole site, no script needs it. */
export const PER_REQUEST_COOKIE_OPTIONS = { path: "/", maxAge: 31_536_000, sameSite: "lax", httpOnly: true } as const;

/** The Set-Cookie value that sets it. */
export const PER_REQUEST_COOKIE_SET = `${PER_REQUEST_COOKIE}=1; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly`;
