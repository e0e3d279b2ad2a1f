import type { TEnv } from "../env";
import type { TBeforeNext } from "../http/node-request-guard";
import { loadMediaOffload } from "./media-offload";
import { parseMediaTarget, serveMediaNode } from "./serve-media-node";

/**
 * The media fast path for the request guard (instrumentation.ts), from the loaded environment:
 * on when the app sends media bytes itself (MEDIA_OFFLOAD=node, the default), off with nginx
 * offload — there the route's X-Accel-Redirect answer is what nginx needs — and with
 * MEDIA_FAST_PATH=off.
 */
export function mediaFastPath(env: Pick<TEnv, "MEDIA_ROOT" | "MEDIA_SIGNING_KEY" | "MEDIA_OFFLOAD" | "MEDIA_OFFLOAD_PREFIX" | "MEDIA_FAST_PATH">): TBeforeNext | undefined {
  const offload = loadMediaOffload(env);
  if (offload.kind !== "node" || env.MEDIA_FAST_PATH === "off") return undefined;
  const deps = { mediaRoot: env.MEDIA_ROOT, secret: env.MEDIA_SIGNING_KEY, nowSeconds: () => Math.floor(Date.now() / 1000) };
  return (req, res, next) => {
    if (!parseMediaTarget(req.method ?? "GET", req.url ?? "/", req.headers)) return false;
    serveMediaNode(deps, req, res, next);
    return true;
  };
}
