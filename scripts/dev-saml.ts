// `npm run dev:saml`: a local SAML 2.0 identity provider for trying "Sign in with your
// organisation" (issue 11) with SAML. It starts the test IdP (samlify, e2e/support/saml-idp.ts)
// on 127.0.0.1:4012 (SAML_PORT) with a signing key made at start, registers it as the seeded demo
// organisation's identity provider from its metadata (through the same registerSamlProvider as
// /admin/organisations; this replaces an OpenID provider from `npm run dev:oidc`), then keeps
// running until Ctrl-C. Its login page takes any e-mail address and any password; use one
// @acme.test. Nothing to add to .env: the app never fetches from a SAML IdP (the browser carries
// the signed response), so SSO_PRIVATE_IDP_ORIGINS is not needed.
import { startSamlIdp } from "../e2e/support/saml-idp";
import { createDb } from "../lib/db";
import { loadEnv } from "../lib/env";
import { providerIdOf } from "../lib/organisations/sso-provider-store";
import { registerSamlProvider, samlServiceProviderOf } from "../lib/organisations/register-saml-provider";
import { DEMO_ORGANISATION } from "../tests/support/organisations";

async function main() {
  const env = loadEnv(process.env);
  const port = Number(process.env.SAML_PORT ?? 4012);
  const db = createDb(env.DATABASE_URL);
  const org = await db.organisation.findUnique({ where: { slug: DEMO_ORGANISATION.slug }, select: { id: true } });
  if (!org) {
    console.error(`dev:saml: no organisation ${DEMO_ORGANISATION.slug} in ${env.DATABASE_URL}; run \`npm run db:seed\` first.`);
    process.exit(1);
  }
  const sp = samlServiceProviderOf(env.APP_URL, providerIdOf(DEMO_ORGANISATION.slug));
  const idp = await startSamlIdp({ port, sp: { entityId: sp.entityId, acsUrl: sp.acsUrl } });
  await registerSamlProvider(
    { db, actor: { id: null, email: "npm run dev:saml" }, appUrl: env.APP_URL },
    { organisationId: org.id, metadata: idp.metadata },
  );
  await db.$disconnect();
  console.log(`SAML identity provider ${idp.entityId} registered for ${DEMO_ORGANISATION.name} (@${DEMO_ORGANISATION.domain}).`);
  console.log(`  Lectern's service provider: entity ID ${sp.entityId}, ACS ${sp.acsUrl}`);
  console.log(`  Try it: ${env.APP_URL}/sign-in/organisation with e.g. ada@${DEMO_ORGANISATION.domain} (any password at the provider).`);
  console.log("  Ctrl-C stops it (the registration stays: remove it in /admin/organisations, or run dev:oidc to replace it).");
  const stop = async () => {
    await idp.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`dev:saml: ${(error as Error).message ?? error}`);
  process.exit(1);
});
