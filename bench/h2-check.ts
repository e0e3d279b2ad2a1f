// Did a load really go over HTTP/2? bench/player.ts records Chromium's protocol per response
// (CDP Network.responseReceived → response.protocol) and its h2 rows are errors unless it did.

/** The protocol Chromium used for the document and for each MP4 response ("h2", "http/1.1"). */
export type TProtocols = { document: string | null; mp4: string[] };

/** Why a load's protocols are not all HTTP/2, or null when they are. */
export function notH2(p: TProtocols): string | null {
  if (p.document !== "h2") return `document over ${p.document ?? "nothing recorded"}`;
  if (!p.mp4.length) return "no MP4 response recorded";
  const other = p.mp4.filter((x) => x !== "h2");
  return other.length ? `MP4 over ${[...new Set(other)].join(", ")}` : null;
}
