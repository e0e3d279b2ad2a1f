import { AppError } from "../errors";

export type TBodyLimit = {
  maxBytes: number;
  /** How long the rest of a refused body is read and dropped before the 413 (default DRAIN_MS). */
  drainMs?: number;
};

/**
 * A client still sending its body when the server answers and closes gets a reset, and many
 * (Node's own http client among them) then never read the answer. So past the limit the rest is
 * read and dropped — never kept — until it ends or this time passes, like a body the Node guard
 * refuses (lib/http/node-request-guard.ts).
 */
export const DRAIN_MS = 2_000;

/**
 * And at most this much of it: on loopback a client sends gigabytes in DRAIN_MS, and eight such
 * refused bodies at once took the server from 0.27 to 1.2 GB of memory, growing with each round
 * (1.57 GB after four) — the same for a chunked body as for a declared one. Past this, the client
 * is cut off; every honest body a route refuses is far smaller.
 */
export const DRAIN_MAX_BYTES = 16 * 1024 * 1024;

/**
 * The request body as bytes, never more than `maxBytes` of it: a declared Content-Length over
 * the limit is refused before anything is kept (its body drained), and a chunked body is pulled chunk by chunk and
 * nothing more is kept as soon as it passes the limit (issue 8: request.text() buffered a 48 MiB
 * body of an anonymous caller); its rest is drained (DRAIN_MS) so the 413 reaches the client.
 */
export async function readLimitedBody(request: Request, { maxBytes, drainMs = DRAIN_MS }: TBodyLimit): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    // Refused before anything is kept; still read and dropped (DRAIN_MS), or a client still
    // sending gets a reset instead of the 413 (bad-input's 4 MiB probe, once, on a loaded machine).
    if (request.body) await drain(request.body.getReader(), drainMs);
    throw tooLarge(maxBytes);
  }
  if (!request.body) return new Uint8Array(0);

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await drain(reader, drainMs);
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

/** Reads and drops what is left of a body until it ends, `ms` pass or DRAIN_MAX_BYTES were read, then lets go of it. */
async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<void> {
  let drained = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeUp = new Promise<"time-up">((resolve) => {
    timer = setTimeout(() => resolve("time-up"), ms);
  });
  try {
    for (;;) {
      const next = await Promise.race([reader.read(), timeUp]);
      if (next === "time-up" || next.done) break;
      drained += next.value.byteLength;
      if (drained > DRAIN_MAX_BYTES) break;
    }
  } catch {
    // The client went away: nothing left to drain.
  } finally {
    clearTimeout(timer);
    reader.cancel().catch(() => {});
  }
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body must not exceed ${maxBytes} bytes.`, { maxBytes });
}
