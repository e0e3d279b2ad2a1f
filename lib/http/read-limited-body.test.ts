import { describe, expect, it } from "vitest";
import { readJsonBody } from "./read-json-body";
import { DRAIN_MAX_BYTES, readLimitedBody, readLimitedText } from "./read-limited-body";

/** A body that counts what is pulled from it, so a test can see reading stop. */
function countingBody(chunks: number, chunkBytes: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent === chunks) return controller.close();
        sent++;
        pulled += chunkBytes;
        controller.enqueue(new Uint8Array(chunkBytes).fill(0x20));
      },
    },
    { highWaterMark: 0 },
  );
  const request = new Request("http://lectern.test/api/x", { method: "POST", body: stream, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://lectern.test/api/x", { method: "POST", body, headers: { host: "lectern.test", ...headers } });

describe("readLimitedBody", () => {
  it("returns a body within the limit whole", async () => {
    expect(new TextDecoder().decode(await readLimitedBody(post("hello"), { maxBytes: 5 }))).toBe("hello");
  });

  it("refuses a declared Content-Length over the limit with 413, keeping none of it, after draining it", async () => {
    const { request, pulled } = countingBody(4, 1024, { "content-length": "4096" });
    await expect(readLimitedBody(request, { maxBytes: 1000 })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // Read to its end and dropped, so a client still sending is listening when the 413 comes.
    expect(pulled()).toBe(4096);
  });

  it("keeps nothing past the limit of a chunked body, and drains the rest before the 413", async () => {
    const { request, pulled } = countingBody(1000, 1024);
    await expect(readLimitedBody(request, { maxBytes: 4096 })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    // Read to its end (so the client is listening when the answer comes), none of it kept.
    expect(pulled()).toBe(1000 * 1024);
  });

  it("drains at most DRAIN_MAX_BYTES of a refused body, declared or chunked, then lets go of it", async () => {
    const chunk = 64 * 1024;
    for (const headers of [{ "content-length": String(1000 * chunk) }, {}] as Record<string, string>[]) {
      const { request, pulled } = countingBody(1000, chunk, headers);
      await expect(readLimitedBody(request, { maxBytes: 4096 })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
      expect(pulled()).toBeGreaterThan(DRAIN_MAX_BYTES);
      expect(pulled()).toBeLessThanOrEqual(DRAIN_MAX_BYTES + 2 * chunk);
    }
  });

  it("drains a body that never ends for the drain time only, then answers 413", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          await new Promise((resolve) => setTimeout(resolve, 5));
          pulled++;
          controller.enqueue(new Uint8Array(1024));
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request("http://lectern.test/api/x", { method: "POST", body: endless, duplex: "half" } as RequestInit);
    // Without the drain time this never settles (the test times out).
    await expect(readLimitedBody(request, { maxBytes: 2048, drainMs: 100 })).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const atRefusal = pulled;
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Let go of: nothing is pulled after the answer.
    expect(pulled).toBeLessThanOrEqual(atRefusal + 1);
  });

  it("reads an empty or missing body as no bytes", async () => {
    expect((await readLimitedBody(new Request("http://lectern.test/"), { maxBytes: 1 })).byteLength).toBe(0);
  });

  it("answers 400 for bytes that are not UTF-8", async () => {
    await expect(readLimitedText(post(new Uint8Array([0x7b, 0xff, 0xfe])), { maxBytes: 10 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});

describe("readJsonBody", () => {
  it("parses JSON within the limit", async () => {
    expect(await readJsonBody(post('{"a":[1]}'), { maxBytes: 100, trustedProxyHops: 0 })).toEqual({ a: [1] });
  });

  it("answers 400 for a body that is not JSON", async () => {
    await expect(readJsonBody(post("{"), { maxBytes: 100, trustedProxyHops: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses a foreign Origin before reading", async () => {
    await expect(readJsonBody(post("{}", { origin: "https://evil.example" }), { maxBytes: 100, trustedProxyHops: 0 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("accepts its own origin", async () => {
    expect(await readJsonBody(post("[]", { origin: "http://lectern.test" }), { maxBytes: 100, trustedProxyHops: 0 })).toEqual([]);
  });
});
