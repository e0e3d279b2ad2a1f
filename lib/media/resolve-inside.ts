import path from "node:path";

/**
 * The absolute path of `parts` under `root`, or null when the result would not stay strictly
 * inside `root` (traversal with `..`, an absolute part, the root itself). The one place that
 * decides "this path stays inside MEDIA_ROOT"; callers add their own rules on names.
 */
export function resolveInside(root: string, ...parts: string[]): string | null {
  if (parts.length === 0 || parts.some((p) => p.length === 0 || p.includes("\0"))) return null;
  if (parts.some((p) => path.isAbsolute(p) || p.includes("\\"))) return null;
  const base = path.resolve(root);
  const full = path.resolve(base, ...parts);
  return full.startsWith(base + path.sep) ? full : null;
}
