import { z } from "zod";

/**
 * Who sends media bytes: the app (`node`, the default) or nginx in front of it (`nginx`):
 * the app still verifies every signed URL (and, for downloads, the purchase), then answers
 * with `X-Accel-Redirect: <prefix>/<course>/<segment>/<file>` and no body, and nginx serves
 * the file from MEDIA_ROOT through an `internal` location (deploy/nginx/lectern.conf).
 * See docs/decisions/007-nginx-offload-and-content-length.md.
 */
export const ZMediaOffloadEnv = z.object({
  MEDIA_OFFLOAD: z.enum(["node", "nginx"]).default("node"),
  MEDIA_OFFLOAD_PREFIX: z
    .string()
    .regex(/^\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*$/, "must be an absolute path like /_protected_media")
    .default("/_protected_media"),
});

export type TMediaOffload = { kind: "node" } | { kind: "nginx"; prefix: string };

export function loadMediaOffload(source: Record<string, string | number | undefined>): TMediaOffload {
  const parsed = ZMediaOffloadEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data.MEDIA_OFFLOAD === "nginx"
    ? { kind: "nginx", prefix: parsed.data.MEDIA_OFFLOAD_PREFIX }
    : { kind: "node" };
}

/** The internal URI nginx maps to MEDIA_ROOT for one media file (path parts already validated). */
export function accelRedirectUri(offload: TMediaOffload, relativePath: readonly string[]): string | undefined {
  if (offload.kind !== "nginx") return undefined;
  return `${offload.prefix}/${relativePath.map(encodeURIComponent).join("/")}`;
}
