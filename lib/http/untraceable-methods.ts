import http from "node:http";
import { AppError } from "../errors";
import { errorResponse } from "./error-response";
import { routeKindOf } from "./route-methods";

/**
 * The method the fetch standard forbids in a Request that Node's parser still accepts. Next turns
 * every request into a web Request (for proxy.ts and for route handlers), which throws for it,
 * and answers 500 before any of our code runs. Of the other forbidden ones, Node's parser answers
 * TRACK with 400 itself, and CONNECT never reaches a 'request' listener (Node emits 'connect'
 * and, with no listener, closes the socket).
 */
const UNTRACEABLE = new Set(["TRACE"]);

const INSTALLED = Symbol.for("lectern.untraceableMethodGuard");

/**
 * Answers TRACE with 405 (and the route's Allow) before Next sees them, by wrapping
 * http.Server#emit for 'request' once per process; every other request is untouched. Installed
 * from instrumentation.ts. A patch because Next has no hook ahead of that Request; the
 * supported alternative is a front proxy that refuses them (nginx does by default).
 * See docs/decisions/009-http-edge.md.
 */
export function installUntraceableMethodGuard(): void {
  const proto = http.Server.prototype as http.Server & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
      if (req.method && UNTRACEABLE.has(req.method)) {
        void refuse(req, res);
        return true;
      }
    }
    return (emit as (...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
}

async function refuse(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const pathname = (req.url ?? "/").split("?")[0] ?? "/";
  const response = errorResponse(new AppError("METHOD_NOT_ALLOWED", `${req.method} is not allowed here.`));
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.setHeader("Allow", routeKindOf(pathname).methods.join(", "));
  res.end(await response.text());
}
