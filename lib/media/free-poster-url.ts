import { signMediaToken } from "./media-token";
import { windowedExpiry } from "./token-expiry";
import type { TSigning } from "./segment-media-urls";

/** Poster of a segment anyone may watch (free preview), e.g. a course's cover in the catalog. */
export function freePosterUrl(signing: TSigning, course: string, segment: string): string {
  const token = signMediaToken(signing.secret, {
    scope: "stream",
    course,
    segment,
    userId: null,
    expiresAt: windowedExpiry(signing.nowSeconds, signing.ttlSeconds),
  });
  return `/media/${course}/${segment}/${token}/poster.jpg`;
}
