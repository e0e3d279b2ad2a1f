import dns from "node:dns/promises";
import { discoverOIDCConfig, DiscoveryError } from "@better-auth/sso";
import { isPublicRoutableHost } from "@better-auth/core/utils/host";
import { AppError } from "../errors";
import { nowOf, type TAdminDeps } from "../admin/admin-deps";
import type { TRegisterOidcProvider } from "./organisation-schemas";
import { loadSsoOrganisation, saveSsoProvider } from "./sso-provider-store";

export type TRegisterProviderDeps = TAdminDeps & {
  /** SSO_PRIVATE_IDP_ORIGINS: the only non-public origins an IdP may live on (lib/env.ts). */
  privateIdpOrigins: readonly string[];
};

/**
 * Registers (or replaces) the organisation's OpenID Connect provider for single sign-on. The
 * configuration is discovered from `<issuer>/.well-known/openid-configuration` with
 * @better-auth/sso's own discovery (which refuses a document naming another issuer, and
 * endpoints it was not allowed to trust), then stored in the plugin's table with the
 * organisation's attested domains, so "Sign in with your organisation" finds it by work e-mail.
 * Only public hosts, or origins the operator listed in SSO_PRIVATE_IDP_ORIGINS, are fetched:
 * an admin form must not become a way to make the server call its own network.
 */
export async function registerOidcProvider(
  deps: TRegisterProviderDeps,
  input: TRegisterOidcProvider,
): Promise<{ providerId: string; issuer: string }> {
  const now = nowOf(deps);
  const org = await loadSsoOrganisation(deps.db, input.organisationId, "issuer");
  const issuer = input.issuer.replace(/\/+$/, "");
  const allowed = new Set(deps.privateIdpOrigins);
  const trusted = (url: string) => {
    const parsed = new URL(url);
    return allowed.has(parsed.origin) || isPublicRoutableHost(parsed.hostname);
  };
  await refusePrivateAddress(issuer, allowed);

  let discovered: Awaited<ReturnType<typeof discoverOIDCConfig>>;
  try {
    discovered = await discoverOIDCConfig({ issuer, isTrustedOrigin: trusted, timeout: 10_000 });
  } catch (error) {
    if (error instanceof DiscoveryError) throw new AppError("BAD_REQUEST", explainDiscovery(error), { field: "issuer" });
    throw error;
  }
  const oidcConfig = {
    issuer: discovered.issuer,
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    authorizationEndpoint: discovered.authorizationEndpoint,
    tokenEndpoint: discovered.tokenEndpoint,
    tokenEndpointAuthentication: discovered.tokenEndpointAuthentication,
    jwksEndpoint: discovered.jwksEndpoint,
    userInfoEndpoint: discovered.userInfoEndpoint,
    discoveryEndpoint: discovered.discoveryEndpoint,
    pkce: true,
    scopes: ["openid", "email", "profile"],
    overrideUserInfo: false,
  };
  // The audit log never holds the secret: the client id and endpoints are enough to tell changes apart.
  const audited = (issuerUrl: string, config: string | null) => ({ issuer: issuerUrl, clientId: config ? (JSON.parse(config) as { clientId?: string }).clientId : null });
  const { providerId } = await saveSsoProvider(
    deps,
    now,
    { org, issuer: discovered.issuer, config: { oidcConfig: JSON.stringify(oidcConfig), samlConfig: null } },
    { before: (stored) => audited(stored.issuer, stored.oidcConfig), after: audited(discovered.issuer, JSON.stringify(oidcConfig)) },
  );
  return { providerId, issuer: discovered.issuer };
}

/** A host name that resolves to a private address is refused unless its origin is listed. */
async function refusePrivateAddress(issuer: string, allowed: ReadonlySet<string>): Promise<void> {
  const url = new URL(issuer);
  if (allowed.has(url.origin)) return;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = await dns.lookup(host, { all: true }).catch(() => {
    throw new AppError("BAD_REQUEST", `Cannot resolve ${host}: check the issuer URL`, { field: "issuer" });
  });
  if (!isPublicRoutableHost(host) || addresses.some((a) => !isPublicRoutableHost(a.address))) {
    throw new AppError(
      "BAD_REQUEST",
      `${url.origin} is on a private network. If that is really the organisation's identity provider, the operator adds it to SSO_PRIVATE_IDP_ORIGINS.`,
      { field: "issuer" },
    );
  }
}

function explainDiscovery(error: DiscoveryError): string {
  switch (error.code) {
    case "issuer_mismatch":
      return `The provider says its issuer is different: ${error.message}`;
    case "discovery_not_found":
      return "No OpenID configuration at <issuer>/.well-known/openid-configuration: check the issuer URL";
    case "discovery_timeout":
    case "discovery_unexpected_error":
      return `The provider did not answer: ${error.message}`;
    default:
      return `The provider's configuration was refused: ${error.message}`;
  }
}
