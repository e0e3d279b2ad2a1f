import crypto from "node:crypto";

// Crockford-style alphabet without 0/O, 1/I/L and U: easy to read out over the phone.
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A human order number, e.g. LEC-20261121-4K7Q2M (UTC date + 6 random characters). */
export function makeOrderNumber(now: Date, random: (size: number) => Uint8Array = crypto.randomBytes): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, "");
  const bytes = random(6);
  let suffix = "";
  for (let i = 0; i < 6; i++) suffix += ALPHABET[bytes[i]! % ALPHABET.length];
  return `LEC-${date}-${suffix}`;
}
