import http from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";

export type TWebHandler = (request: Request) => Promise<Response>;

/**
 * A real HTTP server around one web handler, for integration tests of what a route does with a
 * request body. The body reaches the handler as a pull stream: a chunk is taken from the socket
 * only when the handler asks for one, and `bytesPulled()` says how much it asked for, so a test
 * can prove a handler stopped reading (Next hands route handlers the body the same lazy way).
 */
export async function serveWebHandler(handler: TWebHandler) {
  let pulled = 0;
  const server = http.createServer(async (req, res) => {
    const iterator = req[Symbol.asyncIterator]();
    const hasBody = req.method !== "GET" && req.method !== "HEAD";
    const body = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const next = await iterator.next();
          if (next.done) return controller.close();
          const chunk = new Uint8Array(next.value as Buffer);
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request(new URL(req.url ?? "/", "http://127.0.0.1"), {
      method: req.method,
      headers: req.headers as Record<string, string>,
      body: hasBody ? body : undefined,
      duplex: "half",
    } as RequestInit);
    const response = await handler(request);
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    if (response.body) Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>).pipe(res);
    else res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    bytesPulled: () => pulled,
    resetBytesPulled: () => {
      pulled = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * POSTs `totalBytes` of JSON-ish filler, chunked (no Content-Length) unless `declareLength`,
 * and resolves with the status as soon as the server answers; whatever is left unsent is dropped.
 */
export function postLargeBody(
  url: string,
  opts: { totalBytes: number; declareLength?: boolean; headers?: Record<string, string> },
): Promise<{ status: number; body: string }> {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const source = new Readable({
    read() {
      if (sent >= opts.totalBytes) return this.push(null);
      const n = Math.min(chunk.length, opts.totalBytes - sent);
      sent += n;
      this.push(chunk.subarray(0, n));
    },
  });
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...(opts.declareLength ? { "content-length": String(opts.totalBytes) } : {}),
        ...opts.headers,
      },
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => {
        source.destroy();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body });
      });
    });
    // The server may close the connection while we are still sending: that is the point.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "ECONNRESET" && error.code !== "EPIPE") reject(error);
    });
    source.pipe(req);
  });
}
