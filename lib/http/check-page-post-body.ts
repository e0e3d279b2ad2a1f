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
  const type = (request.headers.get("content-type") ?? "").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  if (!multipart && !request.headers.has("next-action")) return null;

  const bytes = await readLimitedBody(request, { maxBytes: PAGE_POST_MAX_BYTES });
  if (multipart) {
    try {
      await new Response(bytes, { headers: { "content-type": type } }).formData();
      return null;
    } catch {
      return new AppError("BAD_REQUEST", "The form data is malformed.");
    }
  }
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    return null;
  } catch {
    return new AppError("BAD_REQUEST", "A server action's arguments must be JSON or form data.");
  }
}
