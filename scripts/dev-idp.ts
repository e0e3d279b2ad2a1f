// `npm run dev:oidc` / `npm run dev:saml` (`tsx scripts/dev-idp.ts <oidc|saml>`): a local identity
// provider for trying "Sign in with your organisation" (issue 11). It starts one on 127.0.0.1 and
// registers it as the seeded demo organisation's provider, through the same registerOidcProvider /
// registerSamlProvider as /admin/organisations (one replaces the other), then keeps running until
// Ctrl-C. Its login page takes any e-mail address and any password; use one @acme.test.
// - oidc: oidc-provider on OIDC_PORT (4011). The app must trust this private address: run it with
//   SSO_PRIVATE_IDP_ORIGINS=http://127.0.0.1:4011 (add the line to .env, then `npm run dev`).
// - saml: the test SAML 2.0 IdP (samlify, e2e/support/saml-idp.ts) on SAML_PORT (4012) with a
//   signing key made at start, registered from its metadata. Nothing to add to .env: the app never
//   fetches from a SAML IdP (the browser carries the signed response).
import { startOidcProvider } from "../e2e/support/oidc-provider";
import { startSamlIdp } from "../e2e/support/saml-idp";
import { createDb } from "../lib/db";
import { loadEnv } from "../lib/env";
import { registerOidcProvider } from "../lib/organisations/register-oidc-provider";
import { registerSamlProvider, samlServiceProviderOf } from "../lib/organisations/register-saml-provider";
import { providerIdOf } from "../lib/organisations/sso-provider-store";
import { DEMO_ORGANISATION } from "../tests/support/organisations";

const protocol = process.argv[2];
const name = `dev:${protocol}`;

async function main() {
  if (protocol !== "oidc" && protocol !== "saml") throw new Error("usage: tsx scripts/dev-idp.ts <oidc|saml>");
  const env = loadEnv(process.env);
  const db = createDb(env.DATABASE_URL);
  const org = await db.organisation.findUnique({ where: { slug: DEMO_ORGANISATION.slug }, select: { id: true } });
  if (!org) throw new Error(`no organisation ${DEMO_ORGANISATION.slug} in ${env.DATABASE_URL}; run \`npm run db:seed\` first.`);
  const actor = { id: null, email: `npm run ${name}` };
  const providerId = providerIdOf(DEMO_ORGANISATION.slug);
  let close: () => Promise<void>;
  if (protocol === "oidc") {
    const idp = await startOidcProvider({ port: Number(process.env.OIDC_PORT ?? 4011), redirectUris: [`${env.APP_URL}/api/auth/sso/callback/${providerId}`] });
    await registerOidcProvider(
      { db, actor, privateIdpOrigins: [idp.issuer] },
      { organisationId: org.id, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
    );
    close = () => idp.close();
    console.log(`OpenID provider ${idp.issuer} registered for ${DEMO_ORGANISATION.name} (@${DEMO_ORGANISATION.domain}).`);
    console.log(`  The app needs SSO_PRIVATE_IDP_ORIGINS=${idp.issuer} (in .env) and APP_URL=${env.APP_URL}.`);
  } else {
    const sp = samlServiceProviderOf(env.APP_URL, providerId);
    const idp = await startSamlIdp({ port: Number(process.env.SAML_PORT ?? 4012), sp: { entityId: sp.entityId, acsUrl: sp.acsUrl } });
    await registerSamlProvider({ db, actor, appUrl: env.APP_URL }, { organisationId: org.id, metadata: idp.metadata });
    close = () => idp.close();
    console.log(`SAML identity provider ${idp.entityId} registered for ${DEMO_ORGANISATION.name} (@${DEMO_ORGANISATION.domain}).`);
    console.log(`  Lectern's service provider: entity ID ${sp.entityId}, ACS ${sp.acsUrl}`);
  }
  await db.$disconnect();
  console.log(`  Try it: ${env.APP_URL}/sign-in/organisation with e.g. ada@${DEMO_ORGANISATION.domain} (any password at the provider).`);
  console.log("  Ctrl-C stops it (the registration stays: remove it in /admin/organisations, or run the other dev:oidc/dev:saml to replace it).");
  const stop = async () => {
    await close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`${name}: ${(error as Error).message ?? error}`);
  process.exit(1);
});
