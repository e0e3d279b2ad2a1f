import { AppError } from "../errors";

const MAX_BODY_BYTES = 64 * 1024;

/**
 * The JSON body of a same-origin POST. navigator.sendBeacon posts text/plain, which a
 * cross-site form could also send, so a foreign Origin is refused (the session cookie
 * would otherwise ride along).
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (origin && host && safeHost(origin) !== host) {
    throw new AppError("FORBIDDEN", "Cross-site request refused.");
  }
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("BAD_REQUEST", "Request body too large.");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body must be JSON.");
  }
}

function safeHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
