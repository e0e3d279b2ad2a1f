// The floor for the Node media path (issue 12): a bare node:http server on the same machine
// serving the same file's byte range — no Next.js, no token, no routing, no web streams. What
// the app's Node path costs above it is Next's and Lectern's work per request.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export type TBareNodeServer = { baseUrl: string; stop(): Promise<void> };

/** Serves GET /<relative path under root> with a single `bytes=a-b` range (206) or the whole file. */
export async function startBareNodeMedia(root: string): Promise<TBareNodeServer> {
  const server = http.createServer((req, res) => {
    const file = path.join(root, decodeURIComponent((req.url ?? "/").split("?")[0]!));
    if (!file.startsWith(root + path.sep)) return void res.writeHead(404).end();
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return void res.writeHead(404).end();
      const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
      const start = m ? Number(m[1]) : 0;
      const end = m && m[2] ? Math.min(Number(m[2]), stat.size - 1) : stat.size - 1;
      res.writeHead(m ? 206 : 200, {
        "Content-Type": "video/mp2t",
        "Content-Length": String(end - start + 1),
        ...(m ? { "Content-Range": `bytes ${start}-${end}/${stat.size}` } : {}),
      });
      fs.createReadStream(file, { start, end, highWaterMark: 256 * 1024 }).pipe(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
