// The test SAML IdP's signing key (saml-idp.ts), apart from samlify so a Playwright spec can make
// one too (e2e/admin-organisations.spec.ts pastes its certificate into the admin form).
import { execFileSync } from "node:child_process";

export type TSigningKey = { privateKey: string; certificate: string };

/**
 * A fresh RSA key and a self-signed certificate for it, valid for two days. Node can make keys
 * but not X.509 certificates, so openssl (in every Debian image, beside ca-certificates) does.
 */
export function makeSigningKey(commonName = "Lectern test SAML IdP"): TSigningKey {
  let pem: string;
  try {
    pem = execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "2", "-subj", `/CN=${commonName}`, "-keyout", "-", "-out", "-"],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error("openssl is missing: install it (Debian: apt-get install openssl; scripts/test.sh does)");
    throw error;
  }
  const privateKey = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(pem)?.[0];
  const certificate = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!privateKey || !certificate) throw new Error("openssl did not print a key and a certificate");
  return { privateKey: `${privateKey}\n`, certificate: `${certificate}\n` };
}
