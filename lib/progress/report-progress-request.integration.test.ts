// Issue 8: POST /api/progress read the whole body (request.text()) before it looked at the
// session or a size limit, so one anonymous 48 MiB POST grew the server by ~190 MiB.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS, type TViewer } from "../access/viewer";
import { handleRoute } from "../http/error-response";
import { postLargeBody, serveWebHandler } from "../http/testing/serve-web-handler";
import { PROGRESS_BODY_LIMIT, reportProgressRequest } from "./report-progress";

const BIG = 8 * 1024 * 1024;
const learner: TViewer = { kind: "user", userId: "usr_nobody", role: "learner" };

describe("POST /api/progress body handling", () => {
  let viewer: TViewer = ANONYMOUS;
  let server: Awaited<ReturnType<typeof serveWebHandler>>;

  beforeAll(async () => {
    // No database is reached in these cases: the refusal comes before any query.
    const db = null as never;
    server = await serveWebHandler(handleRoute(async (request: Request) => Response.json(await reportProgressRequest(db, viewer, request, { trustedProxyHops: 0 }))));
  });
  afterAll(() => server.close());

  it("answers an anonymous chunked 8 MiB body with 401 without reading it", async () => {
    viewer = ANONYMOUS;
    server.resetBytesPulled();
    const res = await postLargeBody(`${server.baseUrl}/api/progress`, { totalBytes: BIG });
    expect(res.status).toBe(401);
    expect(server.bytesPulled()).toBe(0);
  });

  it("answers a signed-in chunked body past the limit with 413, after draining (not keeping) the rest", async () => {
    viewer = learner;
    server.resetBytesPulled();
    const res = await postLargeBody(`${server.baseUrl}/api/progress`, { totalBytes: BIG });
    // The client, still sending, gets the answer: the rest was read and dropped (read-limited-body.ts).
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(server.bytesPulled()).toBe(BIG);
  });

  it("refuses a declared Content-Length past the limit without keeping a byte, after draining it", async () => {
    viewer = learner;
    server.resetBytesPulled();
    const res = await postLargeBody(`${server.baseUrl}/api/progress`, { totalBytes: BIG, declareLength: true });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    // Read and dropped like a chunked one: a client still sending gets the 413, not a reset.
    expect(server.bytesPulled()).toBe(BIG);
  });

  it("still reads a small body from a signed-in viewer (and validates it)", async () => {
    viewer = learner;
    const res = await fetch(`${server.baseUrl}/api/progress`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ course: 42, segment: ["x"] }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });
});
