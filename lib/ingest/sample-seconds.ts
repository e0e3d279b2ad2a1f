import { createHash } from "node:crypto";

/**
 * A sample's length when the manifest does not give one: 10–30 s, derived from a hash of
 * `<course>/<segment>` so the catalog shows varied durations that are the same on every run.
 */
export function sampleSecondsFor(key: string): number {
  const digest = createHash("sha256").update(key).digest();
  return 10 + (digest.readUInt32BE(0) % 21);
}
