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
      if (/^\d+$/.test(name) && typeof value === "string" && !isJson(value)) {
        return new AppError("BAD_REQUEST", "A server action's arguments must be JSON or form data.");
      }
    }
    return null;
  }
  const text = utf8(bytes);
  if (text !== null && isJson(text)) return null;
  return new AppError("BAD_REQUEST", "A server action's arguments must be JSON or form data.");
}

function utf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
