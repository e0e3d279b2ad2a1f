// `tsx e2e/support/identity-organisation.ts <oidc|saml> <appUrl> <idpPort> <slug> <domain> <courseSlug>`:
// for the single sign-on journeys (e2e/sso-sign-in.spec.ts, e2e/saml-sign-in.spec.ts), in its own
// process because Playwright's loader cannot load the generated (ESM) Prisma client nor
// oidc-provider; tsx can. It makes an organisation with the domain and a year's licence of the
// course (the shared factory), starts a REAL identity provider on 127.0.0.1:<idpPort> (0: any free
// port) for <appUrl> — oidc-provider (oidc-provider.ts) or the samlify IdP (saml-idp.ts) — registers
// it through the same registerOidcProvider / registerSamlProvider as /admin/organisations, prints
// {"issuer":…} (OpenID) or {"entityId":…,"ssoUrl":…} (SAML) on one line and runs until SIGTERM.
import { createDb } from "../../lib/db";
import { registerOidcProvider } from "../../lib/organisations/register-oidc-provider";
import { registerSamlProvider, samlServiceProviderOf } from "../../lib/organisations/register-saml-provider";
import { providerIdOf } from "../../lib/organisations/sso-provider-store";
import { createLicensedOrganisation } from "../../tests/support/organisations";
import { startOidcProvider } from "./oidc-provider";
import { startSamlIdp } from "./saml-idp";

const USAGE = "usage: identity-organisation.ts <oidc|saml> <appUrl> <idpPort> <slug> <domain> <courseSlug>";

async function main() {
  const [protocol, appUrl, idpPort, slug, domain, courseSlug] = process.argv.slice(2);
  if ((protocol !== "oidc" && protocol !== "saml") || !appUrl || !idpPort || !slug || !domain || !courseSlug) throw new Error(USAGE);
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  const course = await db.course.findUniqueOrThrow({ where: { slug: courseSlug }, select: { id: true } });
  const { organisationId } = await createLicensedOrganisation(db, {
    slug,
    domains: [domain],
    courseIds: [course.id],
    endsAt: new Date(Date.now() + 365 * 86_400_000),
  });
  const actor = { id: null, email: "e2e" };
  let started: { close: () => Promise<void>; info: Record<string, string> };
  if (protocol === "oidc") {
    const idp = await startOidcProvider({ port: Number(idpPort), redirectUris: [`${appUrl}/api/auth/sso/callback/${providerIdOf(slug)}`] });
    await registerOidcProvider(
      { db, actor, privateIdpOrigins: [idp.issuer] },
      { organisationId, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
    );
    started = { close: () => idp.close(), info: { issuer: idp.issuer } };
  } else {
    const sp = samlServiceProviderOf(appUrl, providerIdOf(slug));
    const idp = await startSamlIdp({ port: Number(idpPort), sp: { entityId: sp.entityId, acsUrl: sp.acsUrl } });
    await registerSamlProvider({ db, actor, appUrl }, { organisationId, metadata: idp.metadata });
    started = { close: () => idp.close(), info: { entityId: idp.entityId, ssoUrl: idp.ssoUrl } };
  }
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify(started.info)}\n`);
  process.on("SIGTERM", () => {
    void started.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`identity-organisation: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
