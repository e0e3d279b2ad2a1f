import http from "node:http";

export type TRawRequest = {
  method: string;
  /** Sent exactly as given: raw escapes, backslashes and all (fetch would normalise them). */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body chunked (no Content-Length), `repeat` times over. */
  chunked?: { repeat: number };
  /** The loopback address to connect from (127.0.0.x): another client, as the server sees it. */
  localAddress?: string;
  /** Give up (reject) when no complete answer came in this long (default 30 s). */
  timeoutMs?: number;
};

export type TRawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request over node:http against the server under test; the body is kept up to 256 KiB. */
export function rawRequest(baseURL: string, req: TRawRequest): Promise<TRawResponse> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined && !req.chunked) headers["content-length"] = String(Buffer.byteLength(req.body));
    const chunks: Buffer[] = [];
    let size = 0;
    let response: http.IncomingMessage | null = null;
    const answer = () => {
      const res = response!;
      return { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") };
    };
    const r = http.request({ host: hostname, port, method: req.method, path: req.path, headers, agent: false, localAddress: req.localAddress }, (res) => {
      response = res;
      res.on("data", (chunk: Buffer) => {
        if (size < 256 * 1024) chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => {
        r.destroy();
        settle(() => resolve(answer()));
      });
      // The server answered and then closed the connection while the body was still being
      // sent (node-request-guard cuts a refused body off after its linger): that is the answer.
      res.on("close", () => settle(() => resolve(answer())));
      res.on("error", (error) => settle(() => reject(error)));
    });
    const timeoutMs = req.timeoutMs ?? 30_000;
    const timer = setTimeout(() => {
      r.destroy();
      settle(() => reject(new Error(`${req.method} ${req.path.slice(0, 120)}: no answer within ${timeoutMs / 1000} s`)));
    }, timeoutMs);
    // A server may answer and close before a large body is sent: that is an answer, not an error.
    r.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNRESET" || error.code === "EPIPE") return;
      settle(() => reject(error));
    });
    r.on("close", () => {
      if (response) settle(() => resolve(answer()));
      else settle(() => reject(new Error(`${req.method} ${req.path.slice(0, 120)}: connection closed without an answer`)));
    });
    if (req.body === undefined) return void r.end();
    if (!req.chunked) return void r.end(req.body);
    let left = req.chunked.repeat;
    const body = req.body;
    const pump = () => {
      while (left > 0) {
        left--;
        if (!r.write(body)) return void r.once("drain", pump);
      }
      r.end();
    };
    r.on("response", () => {
      left = 0;
    });
    pump();
  });
}

/** Runs `tasks` with at most `limit` in flight. */
export async function inPool<T>(limit: number, tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await tasks[i]!();
      }
    }),
  );
  return results;
}
