import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth.server";
import { handleRoute } from "@/lib/http/error-response";
import { withLimitedBody } from "@/lib/http/with-limited-body";

const handlers = toNextJsHandler(auth);

// Every auth form (sign-up, sign-in, reset) is a few short fields; Better Auth itself reads
// whatever it is sent, so the body is capped here before it gets the request (issue 8).
const AUTH_BODY_LIMIT = 16 * 1024;

export const GET = handlers.GET;
export const POST = handleRoute(async (request: Request) =>
  handlers.POST(await withLimitedBody(request, { maxBytes: AUTH_BODY_LIMIT })),
);
