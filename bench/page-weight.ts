import zlib from "node:zlib";

export type TPageWeight = { scripts: number; rawBytes: number; gzipBytes: number };

/** The JavaScript a page loads: every <script src> of its HTML, fetched and gzipped (level 9). */
export async function measurePageJs(pageUrl: string): Promise<TPageWeight> {
  const html = await (await fetch(pageUrl)).text();
  const srcs = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]!);
  const unique = [...new Set(srcs)];
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const src of unique) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    rawBytes += body.length;
    gzipBytes += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { scripts: unique.length, rawBytes, gzipBytes };
}
