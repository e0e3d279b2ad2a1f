import { AppError } from "../errors";
import { PAGE_POST_MAX_BYTES } from "./decide-edge";
import { readLimitedBody } from "./read-limited-body";

/**
 * A POST to a page is a server action (Next's client sends a Next-Action header with a JSON
 * text/plain body, or multipart form data) or a form posted before JavaScript loaded
 * (multipart). Next answers a body it cannot decode with a 500 ("Failed to parse body as
 * FormData", a SyntaxError from the action's JSON), so the proxy decodes its copy first and
 * says 400. Read only up to Next's action limit (413 past it). Whether the arguments make sense
 * is each action's own check.
 */
export async function checkPagePostBody(request: Request): Promise<AppError | null> {
  // The boundary is case-sensitive: only the media type is compared in lower case.
  const type = request.headers.get("content-type") ?? "";
  const multipart = type.toLowerCase().startsWith("multipart/form-data");
  if (!multipart && !request.headers.has("next-action")) return null;

  const bytes = await readLimitedBody(request, { maxBytes: PAGE_POST_MAX_BYTES });
  if (multipart) {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { "content-type": type } }).formData();
    } catch {
      return new AppError("BAD_REQUEST", "The form data is malformed.");
    }
    // React encodes an action's arguments into parts named by number ("0" is the root), each
    // JSON; the caller's own form fields are prefixed ("1_email"). A numbered part that is not
    // JSON makes React's decodeReply throw (500).
    if (!request.headers.has("next-action")) return null;
    for (const [name, value] of form) {
      if (/^\d+$/.test(name) && typeof value === "string" && !isActionReply(value, name === "0")) {
        return new AppError("BAD_REQUEST", "A server action's arguments must be JSON or form data.");
      }
    }
    return null;
  }
  const text = utf8(bytes);
  if (text !== null && isActionReply(text, true)) return null;
  return new AppError("BAD_REQUEST", "A server action's arguments must be JSON or form data.");
}

/**
 * React's reply encoding marks references with a leading `$` ("$K1": the FormData part 1, "$Q2":
 * a Map, "$h3": a server reference, "$5": another part). Every Lectern action takes
 * `(previousState, FormData)` or `(FormData)` of plain values, so only the references those
 * produce pass; the others made React's decodeReply throw inside Next (500, issue 8 review:
 * `["$Q1"]`, `["$B1"]`, `[{"then":"$1:then"}]`, 30 000 nested arrays).
 */
const PLAIN_REFERENCE = /^\$(?:\$|K\d{1,6}$|undefined$|D|n-?\d{1,40}$|-0$|-?Infinity$|NaN$)/;
const MAX_DEPTH = 32;
const MAX_NODES = 10_000;

function isActionReply(text: string, root: boolean): boolean {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  // The arguments themselves are always encoded as an array.
  if (root && !Array.isArray(value)) return false;
  let nodes = 0;
  const plain = (v: unknown, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (typeof v === "string") return !v.startsWith("$") || PLAIN_REFERENCE.test(v);
    if (Array.isArray(v)) return v.every((item) => plain(item, depth + 1));
    if (v !== null && typeof v === "object") return Object.values(v).every((item) => plain(item, depth + 1));
    return true;
  };
  return plain(value, 0);
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
