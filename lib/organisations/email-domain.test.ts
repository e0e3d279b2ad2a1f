import { describe, expect, it } from "vitest";
import { emailDomainOf, emailInDomains, normaliseDomain } from "./email-domain";

describe("normaliseDomain", () => {
  it.each([
    ["example.com", "example.com"],
    ["  EXAMPLE.com ", "example.com"],
    ["@example.com", "example.com"],
    ["EXAMPLE.com.", "example.com"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["sub.example.co.uk", "sub.example.co.uk"],
  ])("%s → %s", (input, want) => {
    expect(normaliseDomain(input)).toBe(want);
  });

  it.each(["", "localhost", "10.0.0.1", "example..com", "-example.com", "example-.com", "exa mple.com", "example.com/x", "a@b.com", "example.com:443", "example.com.."])(
    "refuses %j",
    (input) => {
      expect(normaliseDomain(input)).toBeNull();
    },
  );
});

describe("emailInDomains (exact match after normalising)", () => {
  const domains = ["example.com"];
  it.each([
    ["ada@example.com", true],
    ["Ada@EXAMPLE.COM", true],
    ["ada@EXAMPLE.com.", true],
    ["ada@example.com.evil.io", false],
    ["ada@evil-example.com", false],
    ["ada@sub.example.com", false],
    ["ada@example.co", false],
    ["ada@xample.com", false],
    ["ada@example.com@evil.io", false],
    ["example.com", false],
    ["@example.com", false],
  ])("%s → %s", (email, want) => {
    expect(emailInDomains(email, domains)).toBe(want);
  });

  it("takes the domain after the only @", () => {
    expect(emailDomainOf("a@b@example.com")).toBeNull();
    expect(emailDomainOf("a@example.com")).toBe("example.com");
  });
});
