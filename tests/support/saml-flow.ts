// Drives "Sign in with your organisation" through a SAML identity provider over real HTTP
// without a browser: Better Auth's handler (Request in, Response out) on the app side, the real
// test IdP (e2e/support/saml-idp.ts) on the other — its AuthnRequest page, its login form, and
// its auto-submitting form back to the app's Assertion Consumer Service, posted cross-site with
// the IdP's Origin as a browser would.
import { CookieJar, startSsoSignIn } from "./sso-flow";

type THandler = (request: Request) => Promise<Response>;

export type TSamlRequest = {
  /** The AuthnRequest's ID, as the IdP read it (its login form carries it). */
  requestId: string;
  relayState: string;
  app: CookieJar;
};

/** The app's sign-in with a work e-mail, up to the IdP's login form (which parsed the AuthnRequest). */
export async function startSamlSignIn(handler: THandler, appUrl: string, email: string): Promise<TSamlRequest> {
  const { res, app } = await startSsoSignIn(handler, appUrl, email);
  if (res.status !== 200) throw new Error(`sign-in/sso answered ${res.status}: ${await res.text()}`);
  const { url } = (await res.json()) as { url: string };
  const page = await fetch(url, { redirect: "manual" });
  const html = await page.text();
  if (page.status !== 200) throw new Error(`the IdP answered ${page.status}: ${html}`);
  return { requestId: hidden(html, "request"), relayState: hidden(html, "RelayState"), app };
}

/** The IdP's login form submitted as `login`: its answer is the auto-submitting form to the ACS. */
export async function loginAtIdp(idpSsoUrl: string, request: TSamlRequest, login: string) {
  const res = await fetch(new URL("/sso/login", idpSsoUrl), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ request: request.requestId, RelayState: request.relayState, login, password: "any" }),
  });
  const html = await res.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`unexpected IdP page (${res.status}): ${html.slice(0, 300)}`);
  return { acsUrl: unescape(action), samlResponse: hidden(html, "SAMLResponse"), relayState: hidden(html, "RelayState") };
}

export type TAcsOutcome = { status: number; location: string; app: CookieJar };

/** The browser's cross-site form POST to the ACS (Origin: the IdP's). */
export async function postToAcs(
  handler: THandler,
  acsUrl: string,
  form: { samlResponse: string; relayState?: string },
  idpOrigin: string,
  app = new CookieJar(),
): Promise<TAcsOutcome> {
  const body = new URLSearchParams({ SAMLResponse: form.samlResponse, ...(form.relayState ? { RelayState: form.relayState } : {}) });
  const res = await handler(
    new Request(acsUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: idpOrigin, cookie: app.header() },
      body,
    }),
  );
  app.take(res);
  return { status: res.status, location: res.headers.get("location") ?? `(status ${res.status}: ${await res.text()})`, app };
}

/** The whole journey: the app's sign-in, the IdP's login as `login`, the POST back to the ACS. */
export async function signInThroughSaml(handler: THandler, appUrl: string, idpSsoUrl: string, email: string, login: string) {
  const request = await startSamlSignIn(handler, appUrl, email);
  const form = await loginAtIdp(idpSsoUrl, request, login);
  return postToAcs(handler, form.acsUrl, form, new URL(idpSsoUrl).origin, request.app);
}

function hidden(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no hidden ${name} in the IdP's page: ${html.slice(0, 300)}`);
  return unescape(value);
}

function unescape(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
