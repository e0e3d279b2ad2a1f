import { describe, expect, it } from "vitest";
import { PAGE_POST_MAX_BYTES } from "./decide-edge";
import { checkPagePostBody } from "./check-page-post-body";

const post = (body: BodyInit, headers: Record<string, string>) =>
  new Request("http://lectern.test/sign-in", { method: "POST", body, headers });

describe("checkPagePostBody", () => {
  it("passes well-formed multipart form data and JSON action arguments", async () => {
    const form = new FormData();
    form.set("email", "a@b.c");
    expect(await checkPagePostBody(new Request("http://lectern.test/", { method: "POST", body: form }))).toBeNull();
    // Chromium's boundaries are mixed case (----WebKitFormBoundary…).
    const chromium = '--AbC\r\nContent-Disposition: form-data; name="1_course"\r\n\r\nx\r\n--AbC--\r\n';
    expect(await checkPagePostBody(post(chromium, { "content-type": "multipart/form-data; boundary=AbC" }))).toBeNull();
    expect(await checkPagePostBody(post('["x",{"a":1}]', { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" }))).toBeNull();
  });

  it("refuses multipart that does not parse (Next answers 500)", async () => {
    const broken = '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\nx';
    expect(await checkPagePostBody(post(broken, { "content-type": "multipart/form-data; boundary=zz" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await checkPagePostBody(post("x", { "content-type": "multipart/form-data" }))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses an action's numbered multipart parts that are not JSON, and keeps the caller's own fields", async () => {
    const action = (fields: Record<string, string>) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.set(k, v);
      return new Request("http://lectern.test/", { method: "POST", body: form, headers: { "next-action": "7f00" } });
    };
    expect(await checkPagePostBody(action({ "0": "[" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await checkPagePostBody(action({ "0": '["$K1"]', "1_email": "not json at all" }))).toBeNull();
  });

  it("refuses action arguments that are not JSON, or not UTF-8", async () => {
    const headers = { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" };
    expect(await checkPagePostBody(post("garbage{", headers))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await checkPagePostBody(post(new Uint8Array([0x22, 0xff, 0x22]), headers))).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses React references no Lectern action takes, non-array roots and deep nesting (Next threw: 500)", async () => {
    const headers = { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8" };
    for (const body of ['["$Q1"]', '["$B1"]', '["$h1"]', '["$F1"]', '["$W1"]', '["$i1"]', '["$5"]', '[{"then":"$1:then"}]', '"aaaa"', "{}", "[".repeat(30_000) + "]".repeat(30_000)]) {
      expect(await checkPagePostBody(post(body, headers)), body.slice(0, 20)).toMatchObject({ code: "BAD_REQUEST" });
    }
    // What React sends for Lectern's actions: previous state, FormData, escaped user "$".
    for (const body of ['[{},"$K1"]', '["$K1"]', '[{"error":"$$5 off"},"$K2"]', '["$undefined","$K1"]']) {
      expect(await checkPagePostBody(post(body, headers)), body).toBeNull();
    }
  });

  it("answers 413 for a body past Next's action limit, before decoding it", async () => {
    const big = new Uint8Array(PAGE_POST_MAX_BYTES + 1).fill(0x20);
    await expect(checkPagePostBody(post(big, { "next-action": "7f00", "content-type": "text/plain" }))).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
    });
  });

  it("leaves other page POSTs (url-encoded forms and the like) to Next", async () => {
    expect(await checkPagePostBody(post("a=%ff", { "content-type": "application/x-www-form-urlencoded" }))).toBeNull();
  });
});
