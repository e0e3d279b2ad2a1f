import { describe, expect, it } from "vitest";
import { clientIp, normalizeIp, PEER_ADDRESS_HEADER, UNKNOWN_CLIENT } from "./client-ip";

const xff = (value: string) => new Headers({ "x-forwarded-for": value });

describe("clientIp", () => {
  it("trusts no forwarded header without a trusted proxy (TRUSTED_PROXY_HOPS=0)", () => {
    expect(clientIp(xff("203.0.113.5"), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers({ "x-real-ip": "203.0.113.5" }), 0)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers(), 0)).toBe(UNKNOWN_CLIENT);
  });

  it("without a trusted proxy, is the socket's peer the server stamped (issue 8 review: not one shared bucket)", () => {
    const peer = (value: string, extra: Record<string, string> = {}) => new Headers({ [PEER_ADDRESS_HEADER]: value, ...extra });
    expect(clientIp(peer("198.51.100.7", { "x-forwarded-for": "203.0.113.5" }), 0)).toBe("198.51.100.7");
    expect(clientIp(peer("::ffff:127.0.0.2"), 0)).toBe("127.0.0.2");
    expect(clientIp(peer("not an address"), 0)).toBe(UNKNOWN_CLIENT);
    // Behind a trusted proxy the peer is the proxy: X-Forwarded-For decides.
    expect(clientIp(peer("127.0.0.1", { "x-forwarded-for": "203.0.113.5" }), 1)).toBe("203.0.113.5");
  });

  it("counts hops from the right: what the client put first is never believed", () => {
    expect(clientIp(xff("6.6.6.6, 203.0.113.5"), 1)).toBe("203.0.113.5");
    expect(clientIp(xff("6.6.6.6,203.0.113.5 , 10.0.0.2"), 2)).toBe("203.0.113.5");
    expect(clientIp(xff("203.0.113.5"), 1)).toBe("203.0.113.5");
  });

  it("is unknown when the chain is shorter than the trusted hops or the hop is not an address", () => {
    expect(clientIp(xff("203.0.113.5"), 2)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers(), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(xff("203.0.113.5, <script>"), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(xff("203.0.113.5, 203.0.113.5:443"), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(xff("203.0.113.5, 300.1.1.1"), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(xff("203.0.113.5, "), 1)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(undefined, 1)).toBe(UNKNOWN_CLIENT);
  });

  it("reads several X-Forwarded-For lines as one list, as proxies may split them", () => {
    const headers = new Headers();
    headers.append("x-forwarded-for", "6.6.6.6");
    headers.append("x-forwarded-for", "198.51.100.1");
    expect(clientIp(headers, 1)).toBe("198.51.100.1");
  });
});

describe("normalizeIp", () => {
  it("keeps IPv4 and unwraps IPv4-mapped IPv6", () => {
    expect(normalizeIp("192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normalizeIp("::FFFF:c000:0201")).toBe("192.0.2.1");
  });

  it("keys IPv6 by its /64, in one spelling", () => {
    expect(normalizeIp("2001:DB8:0:0:1:2:3:4")).toBe("2001:db8::/64");
    expect(normalizeIp("2001:db8::ffff")).toBe("2001:db8::/64");
    expect(normalizeIp("2001:0db8:0001:0002:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(normalizeIp("::1")).toBe("::/64");
  });

  it("rejects anything that is not an address", () => {
    for (const bad of ["", "localhost", "1.2.3", "01.2.3.4", "[::1]", "fe80::1%eth0", "2001:db8::/64", "1.2.3.4/32", "x".repeat(1000)]) {
      expect(normalizeIp(bad), bad).toBeNull();
    }
  });
});
