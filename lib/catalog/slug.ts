import { z } from "zod";

/**
 * The one slug rule for courses and segments, used by manifests, route params, checkout,
 * media paths and downloads: lowercase letters and digits in groups joined by single
 * hyphens (`what-is-python`; not `a--b`, `-a` or `a-`), at most 100 characters.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;

export function isSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/** A slug with the message a person can act on; `message` overrides it (e.g. "Unknown course"). */
export function zSlug(message = "must be lowercase kebab-case (a-z, 0-9, single hyphens), e.g. what-is-python") {
  return z.string().max(SLUG_MAX_LENGTH, { message }).regex(SLUG_PATTERN, { message });
}
