import { describe, expect, it } from "vitest";
import { invitationSignatureValid, parseInvitationToken, signInvitationToken } from "./invitation-token";

const SECRET = "invitation-test-secret-0123456789abcdef";
const claims = { id: "cmabc1234567890xyz", email: "Grace@Example.com", expiresAt: new Date("2026-12-01T10:00:00Z") };

describe("invitation tokens", () => {
  const token = signInvitationToken(SECRET, claims);
  const parsed = parseInvitationToken(token)!;

  it("carry the invitation id and verify against the same claims", () => {
    expect(parsed.id).toBe(claims.id);
    expect(invitationSignatureValid(SECRET, claims, parsed.sig)).toBe(true);
    // Addresses compare case-insensitively (they are stored lower-case).
    expect(invitationSignatureValid(SECRET, { ...claims, email: "grace@example.com" }, parsed.sig)).toBe(true);
  });

  it("are bound to the address, the expiry and the secret", () => {
    expect(invitationSignatureValid(SECRET, { ...claims, email: "mallory@example.com" }, parsed.sig)).toBe(false);
    expect(invitationSignatureValid(SECRET, { ...claims, expiresAt: new Date("2027-01-01T00:00:00Z") }, parsed.sig)).toBe(false);
    expect(invitationSignatureValid(`${SECRET}x`, claims, parsed.sig)).toBe(false);
    expect(invitationSignatureValid(SECRET, { ...claims, id: "cmother1234567890x" }, parsed.sig)).toBe(false);
  });

  it("refuse anything that is not id.signature", () => {
    for (const bad of ["", "abc", `${claims.id}.`, `${claims.id}.short`, `../${token}`, `${token}x`, token.replace(".", "")]) {
      expect(parseInvitationToken(bad), bad).toBeNull();
    }
    const flipped = parsed.sig.slice(0, -1) + (parsed.sig.endsWith("A") ? "B" : "A");
    expect(invitationSignatureValid(SECRET, claims, flipped)).toBe(false);
  });
});
