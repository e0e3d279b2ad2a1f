import http from "node:http";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { installContentLengthRelay } from "../content-length-relay";

export type TRouteHandler = (request: Request, params: Record<string, string | string[]>) => Promise<Response>;
export type TRoute = { pattern: RegExp; params: (m: RegExpExecArray) => Record<string, string | string[]>; GET: TRouteHandler; HEAD: TRouteHandler };

/**
 * A stand-in for `next start` in integration tests: real route handlers on a Node HTTP
 * server, with Next's response copying (Content-Length, Content-Encoding and
 * Transfer-Encoding dropped, body piped) so the Content-Length relay is exercised the same way.
 */
export async function startRouteServer(routes: TRoute[]): Promise<{ baseUrl: string; host: string; close(): Promise<void> }> {
  installContentLengthRelay();
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      for (const route of routes) {
        const m = route.pattern.exec(url.pathname);
        if (!m) continue;
        const request = new Request(url, { method: req.method, headers: req.headers as Record<string, string> });
        const handler = req.method === "HEAD" ? route.HEAD : route.GET;
        const response = await handler(request, route.params(m));
        res.statusCode = response.status;
        response.headers.forEach((value, name) => {
          if (!["content-length", "content-encoding", "transfer-encoding"].includes(name)) res.setHeader(name, value);
        });
        if (response.body && req.method !== "HEAD") {
          Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>).pipe(res);
        } else res.end();
        return;
      }
      res.statusCode = 404;
      res.end();
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
