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
};

export type TRawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request over node:http against the server under test; the body is kept up to 256 KiB. */
export function rawRequest(baseURL: string, req: TRawRequest): Promise<TRawResponse> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined && !req.chunked) headers["content-length"] = String(Buffer.byteLength(req.body));
    const r = http.request({ host: hostname, port, method: req.method, path: req.path, headers, agent: false, localAddress: req.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < 256 * 1024) chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => {
        r.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") });
      });
      res.on("error", reject);
    });
    // A server may answer and close before a large body is sent: that is an answer, not an error.
    r.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNRESET" || error.code === "EPIPE") return;
      reject(error);
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
