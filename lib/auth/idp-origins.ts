import { APIError } from "better-auth/api";

/**
 * Better Auth has one allow-list, `trustedOrigins`, for three different questions: may a request
 * with this Origin change state (CSRF), may the browser be sent to this URL afterwards, and (in
 * @better-auth/sso) may the server fetch this IdP endpoint. The operator's private IdP origins
 * (SSO_PRIVATE_IDP_ORIGINS) answer only the last one, so they are added only on the requests
 * where the plugin fetches from the IdP, and those requests check Origin and return URLs against
 * the app's own origins here (docs/decisions/015-organisation-licences-and-sso.md).
 */

const SIGN_IN_SSO = "/api/auth/sign-in/sso";
const SSO_CALLBACK = "/api/auth/sso/callback";

/** The auth requests on which @better-auth/sso fetches the IdP's token, keys and user info. */
export function fetchesFromIdp(request: Request | undefined): boolean {
  if (!request) return false;
  const path = new URL(request.url).pathname;
  return path === SIGN_IN_SSO || path === SSO_CALLBACK || path.startsWith(`${SSO_CALLBACK}/`);
}

/** `trustedOrigins` for Better Auth: the app's origins, plus the IdP origins only where fetched. */
export function trustedOriginsFor(appOrigins: readonly string[], idpOrigins: readonly string[]) {
  return (request?: Request) => (idpOrigins.length > 0 && fetchesFromIdp(request) ? [...appOrigins, ...idpOrigins] : [...appOrigins]);
}

const RETURN_FIELDS = [
  ["callbackURL", "INVALID_CALLBACK_URL"],
  ["errorCallbackURL", "INVALID_ERROR_CALLBACK_URL"],
  ["newUserCallbackURL", "INVALID_NEW_USER_CALLBACK_URL"],
] as const;

/**
 * On the sign-in request (where the IdP origins are trusted for fetching), the Origin header and
 * every return URL must still be the app's own: a page on the IdP cannot start a sign-in for the
 * user, and nobody is sent to the IdP's origin afterwards. Throws Better Auth's 403s.
 */
export function refuseIdpOriginOnSignIn(
  appOrigins: ReadonlySet<string>,
  appUrl: string,
  headers: Headers | undefined,
  body: Record<string, unknown> | undefined,
): void {
  const origin = headers?.get("origin") || headers?.get("referer");
  // An Origin header is always absolute: "null" or a path is not the app.
  if (origin && !appOrigins.has(originOf(origin) ?? "")) {
    throw new APIError("FORBIDDEN", { message: "Invalid origin", code: "INVALID_ORIGIN" });
  }
  for (const [field, code] of RETURN_FIELDS) {
    const value = body?.[field];
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string" || !appOrigins.has(originOf(value, appUrl) ?? "")) {
      throw new APIError("FORBIDDEN", { message: `Invalid ${field}`, code });
    }
  }
}

/** The origin a URL (absolute, or relative to the app) leads to; undefined when unparsable. */
function originOf(value: string, appUrl?: string): string | undefined {
  try {
    return new URL(value, appUrl).origin;
  } catch {
    return undefined;
  }
}
