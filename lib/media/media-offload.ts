import { z } from "zod";
import { AppError } from "../errors";

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
  /**
   * With MEDIA_OFFLOAD=node, media reads with a valid token are answered by Node before Next
   * routes them (lib/media/serve-media-node.ts, docs/decisions/018). `off` sends every media
   * request through Next's route — the bench's "before" figure, and a way out should it misbehave.
   */
  MEDIA_FAST_PATH: z.enum(["on", "off"]).default("on"),
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

/**
 * Set by Lectern's nginx config (deploy/nginx/nginx.conf.template) on every request it proxies.
 * Not a secret and not a check of anyone's rights: an X-Accel-Redirect answer without nginx in
 * front is an empty 200, so a request without it is a misconfiguration to name, not to serve.
 */
export const OFFLOAD_PROXY_HEADER = "x-lectern-offload";

/**
 * The internal URI nginx maps to MEDIA_ROOT for one media file (path parts already validated),
 * or undefined when the app sends the bytes itself. With MEDIA_OFFLOAD=nginx, a request that
 * did not come through nginx gets a clear 503 instead of an empty answer.
 */
export function accelRedirectUri(
  offload: TMediaOffload | undefined,
  request: Request,
  relativePath: readonly string[],
): string | undefined {
  if (offload?.kind !== "nginx") return undefined;
  if (!request.headers.has(OFFLOAD_PROXY_HEADER)) {
    throw new AppError(
      "UNAVAILABLE",
      "This server hands media to nginx (MEDIA_OFFLOAD=nginx), but this request reached the app directly. Send requests through nginx (deploy/nginx), or set MEDIA_OFFLOAD=node.",
    );
  }
  return `${offload.prefix}/${relativePath.map(encodeURIComponent).join("/")}`;
}
