import { domainToASCII } from "node:url";

// The one rule for "which organisation domain does this address belong to" (issue 11;
// docs/decisions/015-organisation-licences-and-sso.md). Matching is EXACT after normalising:
// `a@example.com` is covered by `example.com`; `a@sub.example.com`, `a@example.com.evil.io` and
// `a@evil-example.com` are not. Normalising: lower case, IDNs to their ASCII (punycode) form,
// and one trailing root dot removed — `EXAMPLE.com.` is the same DNS name as `example.com`, and a
// verified address there proves its owner reads mail delivered to example.com.

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const MAX_DOMAIN = 253;

/** A domain as stored and compared, or null when it is not a plausible public DNS name. */
export function normaliseDomain(input: string): string | null {
  let raw = input.trim().toLowerCase();
  if (raw.startsWith("@")) raw = raw.slice(1);
  if (raw.endsWith(".")) raw = raw.slice(0, -1);
  if (!raw || /[\s/\\:@?#[\]]/.test(raw)) return null;
  const ascii = domainToASCII(raw);
  if (!ascii || ascii.length > MAX_DOMAIN) return null;
  const labels = ascii.split(".");
  // A bare name ("localhost") or an address ("10.0.0.1") is no organisation's mail domain.
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null;
  if (/^[0-9]+$/.test(labels[labels.length - 1]!)) return null;
  return ascii;
}

/** The normalised domain of an e-mail address, or null when the address has none we accept. */
export function emailDomainOf(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || email.indexOf("@") !== at) return null;
  return normaliseDomain(email.slice(at + 1));
}

/** Does this (verified) address belong to one of these organisation domains? Exact match only. */
export function emailInDomains(email: string, domains: readonly string[]): boolean {
  const domain = emailDomainOf(email);
  return domain !== null && domains.includes(domain);
}
