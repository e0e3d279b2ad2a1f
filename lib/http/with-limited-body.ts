import { readLimitedBody, type TBodyLimit } from "./read-limited-body";

/**
 * The same request with its body read (up to the limit, 413 past it) into memory, for handlers
 * we do not own that would read any body they are given (Better Auth, the Stripe SDK's raw body).
 */
export async function withLimitedBody(request: Request, limit: TBodyLimit): Promise<Request> {
  const body = await readLimitedBody(request, limit);
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body.byteLength > 0 ? body : undefined,
    signal: request.signal,
  });
}
