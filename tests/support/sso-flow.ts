// Drives "Sign in with your organisation" over real HTTP without a browser: Better Auth's handler
// (Request in, Response out) on the app side, a real OpenID provider (e2e/support/oidc-provider.ts)
// on the other, following redirects by hand and carrying each side's cookies like a browser.

type THandler = (request: Request) => Promise<Response>;

export class CookieJar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
  has(prefix: string): boolean {
    return [...this.cookies.keys()].some((k) => k.includes(prefix));
  }
}

export type TSsoOutcome = {
  /** Where the app finally sent the browser (the callbackURL, or an error URL). */
  location: string;
  /** The app's cookies (a session cookie when sign-in succeeded). */
  app: CookieJar;
};

/** POST /api/auth/sign-in/sso with a work e-mail; the JSON names the IdP's authorization URL. */
export async function startSsoSignIn(handler: THandler, appUrl: string, email: string, app = new CookieJar(), callbackURL = "/account") {
  const res = await handler(
    new Request(`${appUrl}/api/auth/sign-in/sso`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appUrl, cookie: app.header() },
      body: JSON.stringify({ email, callbackURL, errorCallbackURL: "/sign-in/organisation" }),
    }),
  );
  app.take(res);
  return { res, app };
}

/**
 * The whole journey: the app's sign-in, the IdP's login form (its development interaction:
 * any login, any password), back to the app's callback. `login` is who signs in at the IdP.
 */
export async function signInThroughOidc(handler: THandler, appUrl: string, email: string, login: string): Promise<TSsoOutcome> {
  const { res, app } = await startSsoSignIn(handler, appUrl, email);
  if (res.status !== 200) throw new Error(`sign-in/sso answered ${res.status}: ${await res.text()}`);
  const { url } = (await res.json()) as { url: string };
  const idp = new CookieJar();
  let next = url;
  for (let hop = 0; hop < 12; hop++) {
    if (next.startsWith(`${appUrl}/api/auth/`)) {
      const back = await handler(new Request(next, { headers: { cookie: app.header() } }));
      app.take(back);
      return { location: back.headers.get("location") ?? `(status ${back.status})`, app };
    }
    const page = await fetch(next, { redirect: "manual", headers: { cookie: idp.header() } });
    idp.take(page);
    if (page.status >= 300 && page.status < 400) {
      next = new URL(page.headers.get("location")!, next).toString();
      continue;
    }
    const html = await page.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action || !html.includes('name="login"')) throw new Error(`unexpected IdP page (${page.status}) at ${next}: ${html.slice(0, 300)}`);
    const submitted = await fetch(new URL(action, next), {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: idp.header() },
      body: new URLSearchParams({ prompt: "login", login, password: "any" }),
    });
    idp.take(submitted);
    next = new URL(submitted.headers.get("location")!, next).toString();
  }
  throw new Error("too many redirects between the app and the IdP");
}
