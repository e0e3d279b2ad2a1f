import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed media tokens: an HMAC-SHA256 (server secret) over the scope, the asset folder
 * (course + segment), the user (for paid media; "-" for anyone) and the expiry.
 * The token is a path segment — /media/<course>/<segment>/<token>/<file> — so every file a
 * playlist references by a relative URL inherits it without rewriting the playlist.
 * See docs/decisions/004-signed-media-urls.md.
 */
export type TMediaScope = "stream" | "download";
export type TMediaClaims = {
  scope: TMediaScope;
  course: string;
  segment: string;
  userId: string | null;
  /** Unix seconds. */
  expiresAt: number;
};

const SCOPE_CODE: Record<TMediaScope, string> = { stream: "s", download: "d" };
const TOKEN = /^([sd])([0-9a-z]{1,10})\.([A-Za-z0-9_-]{1,64}|-)\.([A-Za-z0-9_-]{43})$/;

function signature(secret: string, c: TMediaClaims): string {
  const message = ["lectern-media-v1", c.scope, c.course, c.segment, c.userId ?? "-", c.expiresAt].join("|");
  return createHmac("sha256", secret).update(message).digest("base64url");
}

export function signMediaToken(secret: string, claims: TMediaClaims): string {
  if (claims.userId !== null && !/^[A-Za-z0-9_-]{1,64}$/.test(claims.userId)) {
    throw new Error("user id cannot be carried in a media token");
  }
  return `${SCOPE_CODE[claims.scope]}${claims.expiresAt.toString(36)}.${claims.userId ?? "-"}.${signature(secret, claims)}`;
}

export type TMediaTokenCheck =
  | { ok: true; claims: TMediaClaims }
  | { ok: false; reason: "malformed" | "expired" | "invalid-signature" };

/** Verifies a token for the asset folder it is presented with. Constant-time comparison. */
export function verifyMediaToken(
  secret: string,
  token: string,
  asset: { course: string; segment: string; scopes: readonly TMediaScope[] },
  nowSeconds: number,
): TMediaTokenCheck {
  const m = TOKEN.exec(token);
  if (!m) return { ok: false, reason: "malformed" };
  const [, code, exp36, user, sig] = m as unknown as [string, string, string, string, string];
  const scope: TMediaScope = code === "s" ? "stream" : "download";
  const claims: TMediaClaims = {
    scope,
    course: asset.course,
    segment: asset.segment,
    userId: user === "-" ? null : user,
    expiresAt: parseInt(exp36, 36),
  };
  const expected = Buffer.from(signature(secret, claims));
  const given = Buffer.from(sig);
  // Checked before expiry so a forged token never learns whether it would have expired.
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || !asset.scopes.includes(scope)) {
    return { ok: false, reason: "invalid-signature" };
  }
  if (claims.expiresAt <= nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, claims };
}
