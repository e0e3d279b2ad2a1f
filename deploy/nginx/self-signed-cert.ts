import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type TSelfSignedCert = {
  cert: string;
  key: string;
  /**
   * base64 SHA-256 of the certificate's public key (SPKI): what Chromium's
   * `--ignore-certificate-errors-spki-list` takes to trust this one certificate and no other.
   */
  spki: string;
};

/**
 * A throw-away certificate for 127.0.0.1 and localhost (one day, P-256) written into `dir`, for
 * tests and the bench only (never commit one, never use one in production). Needs `openssl`.
 */
export function selfSignedCert(dir: string): TSelfSignedCert {
  const cert = path.join(dir, "tls-cert.pem");
  const key = path.join(dir, "tls-key.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key, "-out", cert],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const der = new crypto.X509Certificate(fs.readFileSync(cert)).publicKey.export({ type: "spki", format: "der" });
  return { cert, key, spki: crypto.createHash("sha256").update(der).digest("base64") };
}
