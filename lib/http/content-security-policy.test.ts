import { describe, expect, it } from "vitest";
import { cachedPageContentSecurityPolicy, newNonce, pageContentSecurityPolicy } from "./content-security-policy";

describe("pageContentSecurityPolicy", () => {
  it("runs only nonce'd scripts and keeps the player's blob: media and workers", () => {
    const policy = pageContentSecurityPolicy("abc");
    expect(policy).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("media-src 'self' blob:");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(policy).toContain("font-src 'self' data:");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self' https://checkout.stripe.com");
  });

  it("allows the MP4s' second host name (PLAYER_MP4_ORIGIN) as a media source only", () => {
    for (const policy of [pageContentSecurityPolicy("abc", "https://media.example.com"), cachedPageContentSecurityPolicy("https://media.example.com")]) {
      expect(policy).toContain("media-src 'self' blob: https://media.example.com;");
      expect(policy.split("; ").filter((d) => d.includes("media.example.com"))).toHaveLength(1);
    }
    expect(pageContentSecurityPolicy("abc", null)).toBe(pageContentSecurityPolicy("abc"));
  });

  it("makes a new nonce each time", () => {
    expect(newNonce()).not.toBe(newNonce());
    expect(newNonce()).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("cachedPageContentSecurityPolicy", () => {
  it("lets the page's own inline scripts run but nothing from elsewhere, no eval, no framing", () => {
    const policy = cachedPageContentSecurityPolicy();
    expect(policy).toContain("script-src 'self' 'unsafe-inline'");
    expect(policy).not.toMatch(/'nonce-|'strict-dynamic'|'unsafe-eval'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("base-uri 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    // Everything but scripts is the same policy as every other page.
    const rest = (p: string) => p.split("; ").filter((d) => !d.startsWith("script-src"));
    expect(rest(policy)).toEqual(rest(pageContentSecurityPolicy("abc")));
  });
});
