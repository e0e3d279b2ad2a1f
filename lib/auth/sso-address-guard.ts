import { getCurrentAdapter } from "@better-auth/core/context";
import { emailInDomains } from "../organisations/email-domain";

type THookContext = {
  path?: string;
  params?: Record<string, string | undefined>;
  context: { adapter: Parameters<typeof getCurrentAdapter>[0] };
} | null;

/**
 * An organisation's identity provider speaks for its own domains only (issue 11). Without this
 * check @better-auth/sso would create — or attach an SSO login to — an account for any address
 * the IdP asserts, e.g. `victim@gmail.com`: whoever runs that IdP could then sign in as the real
 * owner of that address later. So during an SSO callback a user is created, or an SSO account
 * linked, only when the address's domain is EXACTLY one of the provider's (attested) domains.
 * Reads go through the callback's own transaction (getCurrentAdapter).
 */
export async function ssoAddressAllowed(email: string | undefined, ctx: THookContext, userId?: string): Promise<boolean> {
  const providerId = ctx?.params?.providerId;
  if (!ctx || !providerId || !ctx.path?.startsWith("/sso/")) return true;
  const adapter = await getCurrentAdapter(ctx.context.adapter);
  const provider = await adapter.findOne<{ domain: string }>({ model: "ssoProvider", where: [{ field: "providerId", value: providerId }] });
  if (!provider) return false;
  let address = email;
  if (address === undefined && userId) {
    address = (await adapter.findOne<{ email: string }>({ model: "user", where: [{ field: "id", value: userId }] }))?.email;
  }
  return address !== undefined && emailInDomains(address, provider.domain.split(","));
}
