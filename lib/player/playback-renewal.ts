// Self-renewing playback (issue 12): streaming URLs carry a token that expires (TTL…2×TTL, see
// lib/media/token-expiry.ts). The player asks the playback API again before that, and every
// media request the player makes afterwards is rewritten to the newest token, so a learner who
// pauses longer than a token's lifetime continues at the same position without a reload.
// Pure functions here (unit-tested); the video.js wiring is components/player/playback-renewal.ts.
// No zod: this module is part of the player's browser bundle (ADR 008).

/** `/media/<course>/<segment>/<token>/…`: the parts of a streaming URL the renewal needs. */
export type TStreamAddress = { course: string; segment: string; token: string };

const STREAM_URL = /^(?:https?:\/\/[^/]+)?\/media\/([a-z0-9-]+)\/([a-z0-9-]+)\/([^/?#]+)\//;

export function streamAddressOf(url: string): TStreamAddress | null {
  const m = STREAM_URL.exec(url);
  return m ? { course: m[1]!, segment: m[2]!, token: m[3]! } : null;
}

/**
 * The same request with the current token: only URLs of the same segment's media are touched
 * (a request for anything else passes through unchanged).
 */
export function withCurrentToken(url: string, current: TStreamAddress): string {
  const address = streamAddressOf(url);
  if (!address || address.course !== current.course || address.segment !== current.segment) return url;
  if (address.token === current.token) return url;
  const marker = `/media/${address.course}/${address.segment}/${address.token}/`;
  return url.replace(marker, `/media/${current.course}/${current.segment}/${current.token}/`);
}

/** The playback API of a segment (the same decision the page made: lib/access). */
export function playbackApiUrl(address: Pick<TStreamAddress, "course" | "segment">): string {
  return `/api/courses/${address.course}/segments/${address.segment}/playback`;
}

/** Renew this long before expiry: half the lifetime at issue, between 10 s and 5 min. */
export function renewalMargin(issuedAtSeconds: number, expiresAtSeconds: number): number {
  return Math.max(10, Math.min(300, Math.floor((expiresAtSeconds - issuedAtSeconds) / 2)));
}

/**
 * Milliseconds after the URLs were received until the player asks for new ones (0: at once).
 * Both instants are the server's, so a wrong clock on the learner's device changes nothing.
 */
export function renewalDelayMs(issuedAtSeconds: number, expiresAtSeconds: number): number {
  const lifetime = expiresAtSeconds - issuedAtSeconds;
  return Math.max(0, (lifetime - renewalMargin(issuedAtSeconds, expiresAtSeconds)) * 1000);
}

export type TRenewalOutcome =
  | { kind: "renewed"; address: TStreamAddress; issuedAt: number; expiresAt: number }
  /** The server said no (refund, revoked seat, signed out): stop renewing and say why. */
  | { kind: "denied"; status: number; message: string }
  /** Network trouble or a 5xx: try again shortly. */
  | { kind: "retry" };

/** Reads the playback API's answer (TPlayback JSON or the { error } body of lib/http/error-response). */
export function readRenewal(status: number, body: unknown): TRenewalOutcome {
  const record = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (status >= 200 && status < 300) {
    const hls = typeof record.hls === "string" ? streamAddressOf(record.hls) : null;
    const expiresAt = typeof record.expiresAt === "number" ? record.expiresAt : NaN;
    const issuedAt = typeof record.issuedAt === "number" ? record.issuedAt : NaN;
    return hls && Number.isFinite(expiresAt) && Number.isFinite(issuedAt) && expiresAt > issuedAt
      ? { kind: "renewed", address: hls, issuedAt, expiresAt }
      : { kind: "retry" };
  }
  if (status === 401 || status === 403 || status === 404) {
    const error = (typeof record.error === "object" && record.error !== null ? record.error : {}) as Record<string, unknown>;
    const fallback = status === 401 ? "Sign in again to keep watching." : "You no longer have access to this video.";
    return { kind: "denied", status, message: typeof error.message === "string" && error.message ? error.message : fallback };
  }
  return { kind: "retry" };
}
