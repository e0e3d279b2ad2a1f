import http from "node:http";

/**
 * Next.js 16 drops any Content-Length a route handler sets (send-response.js filters
 * content-length, content-encoding and transfer-encoding out of the Response's headers) and
 * pipes the body with Transfer-Encoding: chunked. Media and download responses need the real
 * length: progress bars, resumable downloads, players that probe the size. So those responses
 * carry the length twice: as Content-Length (honoured by any other runtime, tests, fetch) and
 * as this internal header, which Next copies to the Node response untouched; the relay
 * installed from instrumentation.ts turns it back into Content-Length just before the head is
 * written. See docs/decisions/007-nginx-offload-and-content-length.md.
 */
export const CONTENT_LENGTH_RELAY_HEADER = "x-lectern-content-length";

export function setContentLength(headers: Headers, length: number): void {
  headers.set("Content-Length", String(length));
  headers.set(CONTENT_LENGTH_RELAY_HEADER, String(length));
}

const INSTALLED = Symbol.for("lectern.contentLengthRelay");

/**
 * Patches http.ServerResponse#writeHead once per process: a response that has the relay
 * header gets it removed and, unless it is being re-encoded (Content-Encoding) or is already
 * framed otherwise, a Content-Length of that value — so Node writes a fixed-length body
 * instead of a chunked one. Responses without the header are untouched.
 */
export function installContentLengthRelay(): void {
  const proto = http.ServerResponse.prototype as http.ServerResponse & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const writeHead = proto.writeHead;
  proto.writeHead = function (this: http.ServerResponse, ...args: unknown[]) {
    const relayed = this.getHeader(CONTENT_LENGTH_RELAY_HEADER);
    if (relayed !== undefined) {
      this.removeHeader(CONTENT_LENGTH_RELAY_HEADER);
      const value = String(Array.isArray(relayed) ? relayed[0] : relayed);
      const framed = this.hasHeader("content-encoding") || this.hasHeader("transfer-encoding") || this.hasHeader("content-length");
      if (/^\d{1,15}$/.test(value) && !framed) this.setHeader("Content-Length", value);
    }
    return (writeHead as (...a: unknown[]) => http.ServerResponse).apply(this, args);
  } as typeof proto.writeHead;
}
