import { hkdfSync } from "node:crypto";

/**
 * The key that signs and verifies media URLs, derived from LECTERN_SECRET with HKDF-SHA256.
 * A web server that verifies media tokens itself (deploy/nginx, njs mode) gets only this key,
 * never the secret that also signs sessions: a compromised nginx can forge media links, not
 * log-ins. `npm run media-key` prints it for nginx's environment.
 */
export function deriveMediaKey(secret: string): string {
  return Buffer.from(hkdfSync("sha256", secret, "", "lectern-media-v1", 32)).toString("base64url");
}
