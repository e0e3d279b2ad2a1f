/**
 * The expiry of a signed media or download URL, rounded up to a window of `ttlSeconds`: every
 * URL issued in the same window carries the same expiry, so the same viewer (and, for free
 * media, every anonymous viewer) gets byte-identical URLs and `immutable` responses are reused
 * from the browser's cache or a shared cache (issue 12). A URL stays valid for at least
 * `ttlSeconds` and less than `2 × ttlSeconds` after it is issued.
 */
export function windowedExpiry(nowSeconds: number, ttlSeconds: number): number {
  return (Math.floor(nowSeconds / ttlSeconds) + 2) * ttlSeconds;
}
