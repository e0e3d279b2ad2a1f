/**
 * Whether a request's Origin (when it sends one) names this server's host. Browsers send Origin
 * on every POST; a foreign one means another site is riding on the visitor's cookies.
 *
 * Which host is "this server's": behind a reverse proxy (TRUSTED_PROXY_HOPS ≥ 1, ADR 003/011)
 * the proxy may name the public host in X-Forwarded-Host, as Next's own server-action check
 * reads it. With no proxy in front (0) X-Forwarded-Host is whatever the client wrote, so only
 * Host counts (last security review: a client could otherwise make any Origin "ours" by
 * sending a matching X-Forwarded-Host). Next fills X-Forwarded-Host from Host only when the
 * request carries none, so that default changes nothing here.
 */
export function isForeignOrigin(headers: Headers, trustedProxyHops: number): boolean {
  const origin = headers.get("origin");
  const host = requestHost(headers, trustedProxyHops);
  if (!origin || !host) return false;
  return hostOf(origin) !== host;
}

/** The host the client addressed: a trusted proxy's X-Forwarded-Host, else Host. */
export function requestHost(headers: Headers, trustedProxyHops: number): string | null {
  const forwarded = trustedProxyHops >= 1 ? headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  return forwarded || headers.get("host");
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
