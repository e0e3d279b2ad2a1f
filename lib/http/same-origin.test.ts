import { describe, expect, it } from "vitest";
import { isForeignOrigin, requestHost } from "./same-origin";

const headers = (h: Record<string, string>) => new Headers(h);

describe("isForeignOrigin with no proxy in front (TRUSTED_PROXY_HOPS=0)", () => {
  it("ignores an X-Forwarded-Host the client wrote to make a foreign Origin look like ours", () => {
    const h = headers({ host: "lectern.test", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(isForeignOrigin(h, 0)).toBe(true);
  });

  it("does not let an X-Forwarded-Host turn our own Origin into a foreign one either: Host decides", () => {
    const h = headers({ host: "lectern.test", origin: "http://lectern.test", "x-forwarded-host": "elsewhere.example" });
    expect(isForeignOrigin(h, 0)).toBe(false);
    expect(requestHost(h, 0)).toBe("lectern.test");
  });

  it("refuses a foreign Origin and accepts its own", () => {
    expect(isForeignOrigin(headers({ host: "lectern.test", origin: "https://evil.example" }), 0)).toBe(true);
    expect(isForeignOrigin(headers({ host: "lectern.test", origin: "null" }), 0)).toBe(true);
    expect(isForeignOrigin(headers({ host: "lectern.test", origin: "http://lectern.test" }), 0)).toBe(false);
    expect(isForeignOrigin(headers({ host: "lectern.test" }), 0)).toBe(false);
  });
});

describe("isForeignOrigin behind a trusted proxy (TRUSTED_PROXY_HOPS ≥ 1)", () => {
  it("reads the public host from the proxy's X-Forwarded-Host", () => {
    const h = headers({ host: "127.0.0.1:3000", origin: "https://lectern.example", "x-forwarded-host": "lectern.example" });
    expect(isForeignOrigin(h, 1)).toBe(false);
    expect(isForeignOrigin(h, 0)).toBe(true);
  });

  it("still refuses a foreign Origin, and falls back to Host when the proxy sends no X-Forwarded-Host", () => {
    const h = headers({ host: "lectern.example", origin: "https://evil.example", "x-forwarded-host": "lectern.example" });
    expect(isForeignOrigin(h, 1)).toBe(true);
    expect(isForeignOrigin(headers({ host: "lectern.example", origin: "https://lectern.example" }), 2)).toBe(false);
  });

  it("takes the first host when a chain of proxies lists several", () => {
    expect(requestHost(headers({ host: "10.0.0.5", "x-forwarded-host": "lectern.example, internal.lb" }), 2)).toBe("lectern.example");
  });
});
