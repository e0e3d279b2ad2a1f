import { describe, expect, it } from "vitest";
import { planRangeResponse, type TRepresentation } from "./http-conditional-range";

const rep: TRepresentation = { size: 1000, etag: '"abc-3e8"', lastModified: new Date("2026-01-02T03:04:05Z") };
const plan = (headers: Record<string, string>, method = "GET") => planRangeResponse(method, new Headers(headers), rep);

describe("planRangeResponse", () => {
  it("serves the whole representation without a Range", () => {
    expect(plan({})).toEqual({ status: 200, start: 0, end: 999, length: 1000 });
  });

  it.each([
    ["bytes=0-99", 0, 99],
    ["bytes=100-", 100, 999],
    ["bytes=-100", 900, 999],
    ["bytes=990-5000", 990, 999],
    ["bytes=-5000", 0, 999],
    ["bytes=0-0", 0, 0],
    ["bytes=0-9,10-19", 0, 19],
    ["bytes=5-9, 0-4", 0, 9],
    ["BYTES=1-2", 1, 2],
  ])("%s → 206 %i-%i", (range, start, end) => {
    expect(plan({ range })).toEqual({ status: 206, start, end, length: end - start + 1 });
  });

  it.each(["bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=5000-,6000-7000"])("%s → 416", (range) => {
    expect(plan({ range })).toEqual({ status: 416 });
  });

  it.each(["bytes=5-2", "bytes=abc", "items=0-5", "bytes=", "bytes=0-9,a", "bytes=1x-2", "bytes=--5", "0-5", "bytes=0-9,20-29"])(
    "%s → 200 whole (malformed, invalid or not one range)",
    (range) => {
      expect(plan({ range }).status).toBe(200);
    },
  );

  it("ignores Range on HEAD", () => {
    expect(plan({ range: "bytes=0-9" }, "HEAD").status).toBe(200);
  });

  it("honours If-Range with the current ETag or Last-Modified only", () => {
    expect(plan({ range: "bytes=0-9", "if-range": '"abc-3e8"' }).status).toBe(206);
    expect(plan({ range: "bytes=0-9", "if-range": rep.lastModified.toUTCString() }).status).toBe(206);
    expect(plan({ range: "bytes=0-9", "if-range": '"old"' }).status).toBe(200);
    expect(plan({ range: "bytes=0-9", "if-range": 'W/"abc-3e8"' }).status).toBe(200);
    expect(plan({ range: "bytes=0-9", "if-range": "Mon, 01 Jan 2024 00:00:00 GMT" }).status).toBe(200);
    expect(plan({ range: "bytes=0-9", "if-range": "garbage" }).status).toBe(200);
  });

  it("answers 304 to matching If-None-Match (weak comparison) before If-Modified-Since", () => {
    expect(plan({ "if-none-match": '"abc-3e8"' }).status).toBe(304);
    expect(plan({ "if-none-match": 'W/"abc-3e8", "x"' }).status).toBe(304);
    expect(plan({ "if-none-match": "*" }).status).toBe(304);
    expect(plan({ "if-none-match": '"x"', "if-modified-since": rep.lastModified.toUTCString() }).status).toBe(200);
    expect(plan({ "if-modified-since": rep.lastModified.toUTCString() }).status).toBe(304);
    expect(plan({ "if-modified-since": "Mon, 01 Jan 2024 00:00:00 GMT" }).status).toBe(200);
    expect(plan({ "if-modified-since": "nonsense" }).status).toBe(200);
  });

  it("answers 412 to failed If-Match / If-Unmodified-Since", () => {
    expect(plan({ "if-match": '"x"' }).status).toBe(412);
    expect(plan({ "if-match": '"abc-3e8"', range: "bytes=0-1" }).status).toBe(206);
    expect(plan({ "if-unmodified-since": "Mon, 01 Jan 2024 00:00:00 GMT" }).status).toBe(412);
  });

  it("treats every range of an empty representation as unsatisfiable", () => {
    expect(planRangeResponse("GET", new Headers({ range: "bytes=0-" }), { ...rep, size: 0 })).toEqual({ status: 416 });
    expect(planRangeResponse("GET", new Headers({}), { ...rep, size: 0 })).toMatchObject({ status: 200, length: 0 });
  });
});
