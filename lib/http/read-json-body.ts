import { AppError } from "../errors";
import { readLimitedText, type TBodyLimit } from "./read-limited-body";
import { isForeignOrigin } from "./same-origin";

/**
 * The JSON body of a same-origin POST, read only up to `maxBytes` (413 past it). navigator.sendBeacon
 * posts text/plain, which a cross-site form could also send, so a foreign Origin is refused
 * (the session cookie would otherwise ride along).
 */
export async function readJsonBody(
  request: Request,
  limit: TBodyLimit & { /** TRUSTED_PROXY_HOPS (lib/http/same-origin.ts). */ trustedProxyHops: number },
): Promise<unknown> {
  if (isForeignOrigin(request.headers, limit.trustedProxyHops)) throw new AppError("FORBIDDEN", "Cross-site request refused.");
  const text = await readLimitedText(request, limit);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body must be JSON.");
  }
}
