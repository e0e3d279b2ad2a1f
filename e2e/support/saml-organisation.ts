// `tsx e2e/support/saml-organisation.ts <appUrl> <samlPort> <slug> <domain> <courseSlug>`: for the
// SAML journey (e2e/saml-sign-in.spec.ts), in its own process because Playwright's loader cannot
// load the generated (ESM) Prisma client; tsx can. It makes an organisation with the domain and a
// year's licence of the course (the shared factory), starts the REAL SAML IdP (saml-idp.ts) on
// 127.0.0.1:<samlPort> answering <appUrl>'s service provider, registers it from its metadata
// through registerSamlProvider, prints {"entityId":…,"ssoUrl":…} and runs until SIGTERM.
import { createDb } from "../../lib/db";
import { providerIdOf } from "../../lib/organisations/sso-provider-store";
import { registerSamlProvider, samlServiceProviderOf } from "../../lib/organisations/register-saml-provider";
import { createLicensedOrganisation } from "../../tests/support/organisations";
import { startSamlIdp } from "./saml-idp";

async function main() {
  const [appUrl, samlPort, slug, domain, courseSlug] = process.argv.slice(2);
  if (!appUrl || !samlPort || !slug || !domain || !courseSlug) {
    throw new Error("usage: saml-organisation.ts <appUrl> <samlPort> <slug> <domain> <courseSlug>");
  }
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  const course = await db.course.findUniqueOrThrow({ where: { slug: courseSlug }, select: { id: true } });
  const { organisationId } = await createLicensedOrganisation(db, {
    slug,
    domains: [domain],
    courseIds: [course.id],
    endsAt: new Date(Date.now() + 365 * 86_400_000),
  });
  const sp = samlServiceProviderOf(appUrl, providerIdOf(slug));
  const idp = await startSamlIdp({ port: Number(samlPort), sp: { entityId: sp.entityId, acsUrl: sp.acsUrl } });
  await registerSamlProvider({ db, actor: { id: null, email: "e2e" }, appUrl }, { organisationId, metadata: idp.metadata });
  await db.$disconnect();
  process.stdout.write(`${JSON.stringify({ entityId: idp.entityId, ssoUrl: idp.ssoUrl })}\n`);
  process.on("SIGTERM", () => {
    void idp.close().then(() => process.exit(0));
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`saml-organisation: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
