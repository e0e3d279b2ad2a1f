/**
 * Whether a request's Origin (when it sends one) names this server's host. Browsers send Origin
 * on every POST; a foreign one means another site is riding on the visitor's cookies. The host
 * is the forwarded one behind a reverse proxy, as Next's own server-action check reads it.
 */
export function isForeignOrigin(headers: Headers): boolean {
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!origin || !host) return false;
  return hostOf(origin) !== host;
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
