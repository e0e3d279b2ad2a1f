import { isIP } from "node:net";

/**
 * The one decision "which client sent this request?", used by Lectern's sign-in throttle and
 * (through CLIENT_IP_HEADER) by Better Auth's request limits. See docs/decisions/003.
 *
 * Every proxy appends the address it was connected from to X-Forwarded-For, so only the last
 * `hops` entries were written by proxies we trust; everything left of them is whatever the
 * client sent. The client is therefore the entry `hops` places from the right. With no trusted
 * proxy (0) no header a client can write is believed (Next 16 puts the socket peer into
 * X-Forwarded-For only when the request carries none, so a client can always pre-empt it):
 * the client is the socket's peer, which our Node server stamps into PEER_ADDRESS_HEADER.
 * Where neither exists, every client is UNKNOWN_CLIENT — one shared bucket, never a key the
 * client chose.
 */
export const UNKNOWN_CLIENT = "unknown";

/** Set by `requestWithClientIp` (and removed from what the client sent); Better Auth reads it. */
export const CLIENT_IP_HEADER = "x-lectern-client-ip";

/**
 * The socket's peer address, stamped by the Node server itself on every request (and removed
 * from what the client sent): lib/http/node-request-guard.ts, installed from instrumentation.ts.
 * With no trusted proxy it is the client; without the guard (a bare handler) it is absent.
 */
export const PEER_ADDRESS_HEADER = "x-lectern-peer-address";

export function clientIp(headers: Headers | undefined, trustedProxyHops: number): string {
  if (!headers) return UNKNOWN_CLIENT;
  if (trustedProxyHops < 1) return normalizeIp(headers.get(PEER_ADDRESS_HEADER) ?? "") || UNKNOWN_CLIENT;
  const chain = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim());
  const hop = chain.length >= trustedProxyHops ? chain[chain.length - trustedProxyHops] : undefined;
  return (hop && normalizeIp(hop)) || UNKNOWN_CLIENT;
}

/**
 * A syntactically valid IP in one spelling, or null. IPv4-mapped IPv6 becomes IPv4; other IPv6
 * addresses become their /64, because one host (one subscriber) gets a whole /64 and could
 * otherwise rotate through 2^64 throttle keys.
 */
export function normalizeIp(value: string): string | null {
  // Zone ids (fe80::1%eth0) name an interface on the proxy, not a client.
  if (value.length > 45 || value.includes("%")) return null;
  const family = isIP(value);
  if (family === 4) return value;
  if (family !== 6) return null;
  const groups = ipv6Groups(value);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [hi, lo] = [groups[6]!, groups[7]!];
    return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
  }
  const prefix = groups.slice(0, 4).map((g) => g.toString(16)).join(":");
  return `${canonicalIpv6(`${prefix}::`)}/64`;
}

/** The address part of a key from normalizeIp, e.g. for a header that must hold a plain IP. */
export function keyAddress(ip: string): string {
  return ip.replace(/\/64$/, "");
}

/**
 * A copy of `request` whose CLIENT_IP_HEADER holds `clientIp(...)` — or is absent when the
 * client is unknown — whatever the client itself sent in that header.
 */
export function requestWithClientIp(request: Request, trustedProxyHops: number): Request {
  const headers = new Headers(request.headers);
  headers.delete(CLIENT_IP_HEADER);
  const ip = clientIp(request.headers, trustedProxyHops);
  if (ip !== UNKNOWN_CLIENT) headers.set(CLIENT_IP_HEADER, keyAddress(ip));
  return new Request(request, { headers });
}

/** RFC 5952 spelling (lower case, longest zero run as ::), as WHATWG URL writes it. */
function canonicalIpv6(ip: string): string {
  return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
}

function ipv6Groups(ip: string): number[] {
  // The canonical form has no embedded dotted IPv4 and at most one "::".
  const [left, right] = canonicalIpv6(ip).split("::") as [string, string | undefined];
  const parse = (part: string) => (part ? part.split(":").map((g) => Number.parseInt(g, 16)) : []);
  const head = parse(left);
  const tail = right === undefined ? [] : parse(right);
  return [...head, ...Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}
