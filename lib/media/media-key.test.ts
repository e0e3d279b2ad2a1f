import { describe, expect, it } from "vitest";
import { deriveMediaKey } from "./media-key";

describe("deriveMediaKey", () => {
  it("is stable, 256-bit, and differs from the secret and between secrets", () => {
    const secret = "a-secret-of-at-least-32-characters-long";
    const key = deriveMediaKey(secret);
    expect(deriveMediaKey(secret)).toBe(key);
    expect(Buffer.from(key, "base64url")).toHaveLength(32);
    expect(key).not.toContain(secret);
    expect(deriveMediaKey(`${secret}!`)).not.toBe(key);
  });
});
