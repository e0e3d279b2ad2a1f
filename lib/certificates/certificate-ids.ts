import { randomBytes } from "node:crypto";

// Crockford's base32: no I, L, O, U — a verification id survives being read out or typed.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** "LEC-7Q2M-9XKD-4T": 60 random bits, grouped for people. */
export function newVerificationId(): string {
  const bytes = randomBytes(8);
  let bits = BigInt(`0x${bytes.toString("hex")}`) >> 4n;
  let out = "";
  for (let i = 0; i < 12; i++) {
    out = ALPHABET[Number(bits & 31n)] + out;
    bits >>= 5n;
  }
  return `LEC-${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8)}`;
}

/** The public URL's secret part: 128 random bits, base64url. */
export function newCertificateToken(): string {
  return randomBytes(16).toString("base64url");
}

export const ZCertificateTokenPattern = /^[A-Za-z0-9_-]{22}$/;
