import http from "node:http";

export type TResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; bytes: number; ms: number };
export type TRequest = {
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** false: count the bytes and drop them (video segments), so the load generator stays light. */
  keepBody?: boolean;
};

/**
 * The viewers' HTTP client: node:http with one keep-alive pool of at most `maxSockets`
 * connections (a browser keeps a few per viewer; here every viewer has at most one media
 * request and one progress POST in flight, so the pool never queues). Each request has a
 * deadline; running past it is a failure, not a slow success.
 * An idle connection is closed by the client before the server would close it: the agent's
 * `timeout` lets Node honour the server's `Keep-Alive: timeout=5` hint (it closes idle sockets
 * a second early). Without it a viewer fetching a segment every 6 s reuses a socket the server
 * is just closing and gets ECONNRESET — a client artefact browsers hide by retrying.
 */
export function createHttpClient(baseUrl: string, { maxSockets, timeoutMs }: { maxSockets: number; timeoutMs: number }) {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets, keepAliveMsecs: 1_000, timeout: timeoutMs });

  function request(path: string, init: TRequest = {}): Promise<TResponse> {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: base.hostname, port: base.port, path, method: init.method ?? "GET", headers: init.headers, agent },
        (res) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          res.on("data", (c: Buffer) => {
            bytes += c.length;
            if (init.keepBody !== false) chunks.push(c);
          });
          res.on("error", reject);
          res.on("end", () => {
            clearTimeout(timer);
            const ms = performance.now() - started;
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), bytes, ms });
          });
        },
      );
      const timer = setTimeout(() => req.destroy(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      req.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      req.end(init.body);
    });
  }

  return { request, close: () => agent.destroy() };
}

export type THttpClient = ReturnType<typeof createHttpClient>;
