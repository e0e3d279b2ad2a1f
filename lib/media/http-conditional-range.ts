import rangeParser from "range-parser";

/** What a representation is, for RFC 9110 conditional requests and ranges. */
export type TRepresentation = {
  size: number;
  /** Strong entity tag, quoted: `"6b01dabb-1e88c3"`. */
  etag: string;
  /** Whole seconds (HTTP dates have no finer resolution). */
  lastModified: Date;
};

type TSpan = { start: number; end: number; length: number };
export type TRangePlan =
  | ({ status: 200 } & TSpan)
  | ({ status: 206 } & TSpan)
  | { status: 304 }
  | { status: 412 }
  | { status: 416 };

type THeaderSource = { get(name: string): string | null };

// One byte-range-spec: "first-last", "first-" or "-suffix" (RFC 9110 §14.1.2); at most
// 15 digits so every number stays a safe integer.
const RANGE_SPEC = /^\s*(?:\d{1,15}-\d{0,15}|-\d{1,15})\s*$/;

/**
 * A syntactically valid `bytes=` Range header with every first ≤ last, normalised for
 * range-parser, else null. A suffix longer than the representation means all of it (§14.1.2);
 * range-parser would call it unsatisfiable, so it is rewritten to `0-` (and, for an empty
 * representation, kept as an unsatisfiable `-0`).
 */
function validByteRanges(header: string, size: number): string | null {
  const m = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!m || !m[1]) return null;
  const specs = m[1].split(",");
  if (specs.length > 50) return null; // a flood of ranges is ignored, as nginx does past its limit
  for (const spec of specs) {
    if (!RANGE_SPEC.test(spec)) return null;
    const [first, last] = spec.trim().split("-");
    if (first && last && Number(first) > Number(last)) return null; // invalid, so the header is ignored
  }
  const normalised = specs.map((s) => {
    const spec = s.trim();
    if (!spec.startsWith("-")) return spec;
    const suffix = Number(spec.slice(1));
    return suffix >= size && size > 0 ? "0-" : spec;
  });
  return `bytes=${normalised.join(",")}`;
}

function splitTags(header: string): string[] {
  return header.split(",").map((t) => t.trim()).filter(Boolean);
}

const strongMatch = (header: string, etag: string) =>
  splitTags(header).some((t) => t === "*" || (!t.startsWith("W/") && t === etag));
const weakMatch = (header: string, etag: string) =>
  splitTags(header).some((t) => t === "*" || t.replace(/^W\//, "") === etag);

function httpDate(value: string | null): number | null {
  if (!value) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : t;
}

/**
 * Decides the status and byte span of a GET/HEAD for one representation, in RFC 9110's
 * order (§13.2.2): If-Match / If-Unmodified-Since (412), If-None-Match / If-Modified-Since
 * (304), then Range with If-Range (206/416). Ranges are parsed by `range-parser` after a
 * strict syntax check: a malformed or invalid Range header is ignored (200, the whole
 * representation), a multi-range request that does not collapse into one range gets the whole
 * representation too (allowed by §14.2), and a valid one no range of which overlaps → 416.
 * Range applies to GET only (§14.2); HEAD answers as the GET without Range would.
 */
export function planRangeResponse(method: string, headers: THeaderSource, rep: TRepresentation): TRangePlan {
  const lastModified = Math.floor(rep.lastModified.getTime() / 1000) * 1000;
  const whole = { status: 200 as const, start: 0, end: rep.size - 1, length: rep.size };

  const ifMatch = headers.get("if-match");
  if (ifMatch !== null) {
    if (!strongMatch(ifMatch, rep.etag)) return { status: 412 };
  } else {
    const since = httpDate(headers.get("if-unmodified-since"));
    if (since !== null && lastModified > since) return { status: 412 };
  }

  const ifNoneMatch = headers.get("if-none-match");
  if (ifNoneMatch !== null) {
    if (weakMatch(ifNoneMatch, rep.etag)) return { status: 304 };
  } else {
    const since = httpDate(headers.get("if-modified-since"));
    if (since !== null && lastModified <= since) return { status: 304 };
  }

  const range = headers.get("range");
  if (method !== "GET" || range === null) return whole;
  const ifRange = headers.get("if-range");
  if (ifRange !== null) {
    const v = ifRange.trim();
    const fresh = v.startsWith('"') || v.startsWith("W/") ? v === rep.etag : httpDate(v) === lastModified;
    if (!fresh) return whole;
  }
  const valid = validByteRanges(range, rep.size);
  if (valid === null) return whole;
  const ranges = rangeParser(rep.size, valid, { combine: true });
  if (ranges === -1) return { status: 416 };
  if (ranges === -2 || ranges.length !== 1 || !ranges[0]) return whole;
  const { start, end } = ranges[0];
  return { status: 206, start, end, length: end - start + 1 };
}

/** The headers every outcome of `planRangeResponse` carries besides the caller's own. */
export function rangeHeaders(plan: TRangePlan, rep: TRepresentation): Record<string, string> {
  const base = { "Accept-Ranges": "bytes", ETag: rep.etag, "Last-Modified": rep.lastModified.toUTCString() };
  if (plan.status === 206) return { ...base, "Content-Range": `bytes ${plan.start}-${plan.end}/${rep.size}` };
  if (plan.status === 416) return { ...base, "Content-Range": `bytes */${rep.size}` };
  return base;
}
