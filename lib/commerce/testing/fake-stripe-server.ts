// A tiny local HTTP server that answers like the Stripe API with recorded payloads, so tests
// drive the real SDK without the network. Point the SDK at it with createStripeClient(key,
// { host: "127.0.0.1", port, protocol: "http" }).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type TRecordedRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** The form-encoded body, flattened: { "line_items[0][price_data][unit_amount]": "2999" }. */
  form: Record<string, string>;
};

type TFakeStripeAnswer = { status?: number; body: unknown } | undefined;
/** May answer later (a Promise): the crash test makes Stripe slow to keep checkouts in flight. */
export type TFakeStripeRoute = (request: TRecordedRequest) => TFakeStripeAnswer | Promise<TFakeStripeAnswer>;

export async function startFakeStripe(route: TFakeStripeRoute) {
  const requests: TRecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const form = Object.fromEntries(new URLSearchParams(req.method === "GET" ? url.search : raw));
      const recorded = { method: req.method ?? "GET", path: url.pathname, headers: req.headers, form };
      requests.push(recorded);
      const id = `req_fake_${requests.length}`;
      void Promise.resolve(route(recorded)).then((routed) => {
        const answer = routed ?? {
          status: 404,
          body: { error: { type: "invalid_request_error", message: `Unrecognized request URL (${recorded.method}: ${url.pathname})` } },
        };
        res.writeHead(answer.status ?? 200, { "Content-Type": "application/json", "Request-Id": id });
        res.end(JSON.stringify(answer.body));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    client: { host: "127.0.0.1", port, protocol: "http" as const },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // the SDK keeps connections alive
      }),
  };
}

/** A recorded JSON fixture with __ORDER_ID__ / __ORDER_NUMBER__ placeholders filled in. */
export function fillFixture(json: string, order: { id: string; number?: string }): string {
  return json.replaceAll("__ORDER_ID__", order.id).replaceAll("__ORDER_NUMBER__", order.number ?? "LEC-20261121-TEST00");
}
