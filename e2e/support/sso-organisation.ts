// `tsx e2e/support/sso-organisation.ts <appUrl> <oidcPort> <slug> <domain> <courseSlug>`: for the
// SSO journey (e2e/sso-sign-in.spec.ts), in its own process because Playwright's loader cannot
// load the generated (ESM) Prisma client nor oidc-provider; tsx can. It makes an organisation
// with the domain and a year's licence of the course (the shared factory), starts a REAL OpenID
// provider on 127.0.0.1:<oidcPort> whose client may return to <appUrl>, registers it through
// registerOidcProvider (real discovery), prints {"issuer":…} and runs until SIGTERM.
import { createDb } from "../../lib/db";
import { registerOidcProvider } from "../../lib/organisations/register-oidc-provider";
import { providerIdOf } from "../../lib/organisations/sso-provider-store";
import { createLicensedOrganisation } from "../../tests/support/organisations";
import { startOidcProvider } from "./oidc-provider";

async function main() {
  const [appUrl, oidcPort, slug, domain, courseSlug] = process.argv.slice(2);
  if (!appUrl || !oidcPort || !slug || !domain || !courseSlug) {
    throw new Error("usage: sso-organisation.ts <appUrl> <oidcPort> <slug> <domain> <courseSlug>");
  }
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  const course = await db.course.findUniqueOrThrow({ where: { slug: courseSlug }, select: { id: true } });
  const { organisationId } = await createLicensedOrganisation(db, {
    slug,
    domains: [domain],
    courseIds: [course.id],
    endsAt: new Date(Date.now() + 365 * 86_400_000),
  });
  const idp = await startOidcProvider({ port: Number(oidcPort), redirectUris: [`${appUrl}/api/auth/sso/callback/${providerIdOf(slug)}`] });
  await registerOidcProvider(
    { db, actor: { id: null, email: "e2e" }, privateIdpOrigins: [idp.issuer] },
    { organisationId, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
  );
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify({ issuer: idp.issuer })}\n`);
  process.on("SIGTERM", () => {
    void idp.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`sso-organisation: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
