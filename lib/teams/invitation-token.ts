import crypto from "node:crypto";

/** An invitation link works for this long (issue 11). */
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type TInvitationClaims = { id: string; email: string; expiresAt: Date };

const b64url = (buf: Buffer) => buf.toString("base64url");

function signature(secret: string, claims: TInvitationClaims): string {
  const payload = `lectern-team-invitation\n${claims.id}\n${claims.email.toLowerCase()}\n${claims.expiresAt.getTime()}`;
  return b64url(crypto.createHmac("sha256", secret).update(payload).digest());
}

/**
 * The token of an invitation link: `<invitation id>.<HMAC-SHA256 over id, address and expiry>`.
 * The database keeps no secret (a copy of it forges nothing); changing the address or the
 * expiry of the row breaks the signature, so a link stays bound to the address it was sent to.
 */
export function signInvitationToken(secret: string, claims: TInvitationClaims): string {
  return `${claims.id}.${signature(secret, claims)}`;
}

/** Splits a token into the id to look up and its signature; null when it cannot be one. */
export function parseInvitationToken(token: string): { id: string; sig: string } | null {
  const match = /^([a-z0-9]{10,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { id: match[1]!, sig: match[2]! } : null;
}

/** Whether `sig` is the signature of these claims (constant time). */
export function invitationSignatureValid(secret: string, claims: TInvitationClaims, sig: string): boolean {
  const want = Buffer.from(signature(secret, claims));
  const got = Buffer.from(sig);
  return want.length === got.length && crypto.timingSafeEqual(want, got);
}
