import { describe, expect, it } from "vitest";
import { signMediaToken, verifyMediaToken, type TMediaClaims } from "./media-token";

const secret = "test-secret-0123456789abcdef0123456789";
const now = 1_800_000_000;
const claims: TMediaClaims = { scope: "stream", course: "c", segment: "s1", userId: "user123", expiresAt: now + 3600 };
const asset = { course: "c", segment: "s1", scopes: ["stream"] as const };

describe("media tokens", () => {
  it("round-trips for the asset folder it was issued for", () => {
    const token = signMediaToken(secret, claims);
    expect(token).toMatch(/^s[0-9a-z]+\.user123\.[A-Za-z0-9_-]{43}$/);
    expect(verifyMediaToken(secret, token, asset, now)).toEqual({ ok: true, claims });
  });

  it("carries no user for free media", () => {
    const token = signMediaToken(secret, { ...claims, userId: null });
    const check = verifyMediaToken(secret, token, asset, now);
    expect(check.ok && check.claims.userId).toBeNull();
  });

  it("expires", () => {
    const token = signMediaToken(secret, claims);
    expect(verifyMediaToken(secret, token, asset, now + 3600)).toEqual({ ok: false, reason: "expired" });
  });

  it("rejects reuse on another segment or course", () => {
    const token = signMediaToken(secret, claims);
    expect(verifyMediaToken(secret, token, { ...asset, segment: "s2" }, now).ok).toBe(false);
    expect(verifyMediaToken(secret, token, { ...asset, course: "other" }, now).ok).toBe(false);
  });

  it("rejects a token signed with another secret", () => {
    const token = signMediaToken("another-secret-0123456789abcdef012345", claims);
    expect(verifyMediaToken(secret, token, asset, now)).toEqual({ ok: false, reason: "invalid-signature" });
  });

  it("rejects tampering with the expiry, the user or the scope", () => {
    const token = signMediaToken(secret, claims);
    const [head, user, sig] = token.split(".") as [string, string, string];
    const later = `s${(now + 99_999).toString(36)}`;
    expect(verifyMediaToken(secret, `${later}.${user}.${sig}`, asset, now).ok).toBe(false);
    expect(verifyMediaToken(secret, `${head}.someoneelse.${sig}`, asset, now).ok).toBe(false);
    expect(verifyMediaToken(secret, `${head}.-.${sig}`, asset, now).ok).toBe(false);
    const download = signMediaToken(secret, { ...claims, scope: "download" });
    expect(verifyMediaToken(secret, download, asset, now).ok).toBe(false);
  });

  it.each(["", "x", "s1.-.short", "../../etc", `s1.${"u".repeat(65)}.${"a".repeat(43)}`])("rejects malformed %j", (t) => {
    expect(verifyMediaToken(secret, t, asset, now)).toEqual({ ok: false, reason: "malformed" });
  });
});
