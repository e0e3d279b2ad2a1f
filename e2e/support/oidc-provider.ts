// A REAL OpenID Connect provider (npm `oidc-provider`, the certified implementation by panva)
// on 127.0.0.1, for the single sign-on tests (integration and e2e) and `npm run dev:oidc`.
// Not a mock of the protocol: discovery, authorization code + PKCE, signed ID tokens (its own
// generated keys), the token and userinfo endpoints are the library's. Only the login screen is
// its development one ("any login"): the login typed becomes the account, whose e-mail is the
// login itself when it contains an @, or the one given in `accounts`.
import http from "node:http";
import type { AddressInfo } from "node:net";

export type TOidcAccount = { email: string; name: string; emailVerified?: boolean };

export type TOidcProviderOptions = {
  /** 0 (default): a free port. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
  /** Exact redirect URIs the client may use (Better Auth's /api/auth/sso/callback/<providerId>). */
  redirectUris: string[];
  /** login → account; a login not listed that contains an @ is an account with that e-mail. */
  accounts?: Record<string, TOidcAccount>;
};

export type TOidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
};

export async function startOidcProvider(options: TOidcProviderOptions): Promise<TOidcProvider> {
  // oidc-provider is ESM only; a dynamic import works from Playwright's CommonJS transform too.
  const { default: Provider } = await import("oidc-provider");
  const clientId = options.clientId ?? "lectern";
  const clientSecret = options.clientSecret ?? "lectern-test-client-secret-0123456789";
  const accounts = options.accounts ?? {};

  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["lectern-test-oidc-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, accountId) {
      const account = accounts[accountId] ?? (accountId.includes("@") ? { email: accountId, name: accountId.split("@")[0]! } : null);
      if (!account) return undefined;
      return {
        accountId,
        async claims() {
          return { sub: accountId, email: account.email, email_verified: account.emailVerified ?? true, name: account.name };
        },
      };
    },
    // The organisation's own IdP asks its users nothing more: consent is implied for the one
    // first-party client (oidc-provider's documented way to skip the consent prompt).
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.session?.grantIdFor(ctx.oidc.client!.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
  });
  // Plain http on 127.0.0.1: its cookies must not be marked Secure.
  provider.proxy = false;
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
