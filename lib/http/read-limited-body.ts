import { AppError } from "../errors";

export type TBodyLimit = { maxBytes: number };

/**
 * The request body as bytes, never more than `maxBytes` of it: a declared Content-Length over
 * the limit is refused before anything is read, and a chunked body is pulled chunk by chunk and
 * abandoned as soon as it passes the limit (issue 8: request.text() buffered a 48 MiB body of an
 * anonymous caller). Both answer 413.
 */
export async function readLimitedBody(request: Request, { maxBytes }: TBodyLimit): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Stop pulling: the rest of the body is left to the HTTP server to discard, never buffered.
      reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The body as UTF-8 text within the limit; bytes that are not UTF-8 are a 400, not mojibake. */
export async function readLimitedText(request: Request, limit: TBodyLimit): Promise<string> {
  const bytes = await readLimitedBody(request, limit);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The body must be UTF-8 text.");
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body must not exceed ${maxBytes} bytes.`, { maxBytes });
}
