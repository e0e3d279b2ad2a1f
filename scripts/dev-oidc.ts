// `npm run dev:oidc`: a local OpenID Connect provider for trying "Sign in with your organisation"
// (issue 11). It starts oidc-provider on 127.0.0.1:4011 (OIDC_PORT) and registers it as the
// seeded demo organisation's identity provider (through the same registerOidcProvider as
// /admin/organisations), then keeps running until Ctrl-C. Its login page takes any login that
// looks like an e-mail address and any password; use one @acme.test.
//
// The app must trust this private address: run it with SSO_PRIVATE_IDP_ORIGINS=http://127.0.0.1:4011
// (add the line to .env, then `npm run dev`).
import { startOidcProvider } from "../e2e/support/oidc-provider";
import { createDb } from "../lib/db";
import { loadEnv } from "../lib/env";
import { registerOidcProvider } from "../lib/organisations/register-oidc-provider";
import { providerIdOf } from "../lib/organisations/sso-provider-store";
import { DEMO_ORGANISATION } from "../tests/support/organisations";

async function main() {
  const env = loadEnv(process.env);
  const port = Number(process.env.OIDC_PORT ?? 4011);
  const db = createDb(env.DATABASE_URL);
  const org = await db.organisation.findUnique({ where: { slug: DEMO_ORGANISATION.slug }, select: { id: true } });
  if (!org) {
    console.error(`dev:oidc: no organisation ${DEMO_ORGANISATION.slug} in ${env.DATABASE_URL}; run \`npm run db:seed\` first.`);
    process.exit(1);
  }
  const redirectUri = `${env.APP_URL}/api/auth/sso/callback/${providerIdOf(DEMO_ORGANISATION.slug)}`;
  const idp = await startOidcProvider({ port, redirectUris: [redirectUri] });
  await registerOidcProvider(
    { db, actor: { id: null, email: "npm run dev:oidc" }, privateIdpOrigins: [idp.issuer] },
    { organisationId: org.id, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret },
  );
  await db.$disconnect();
  console.log(`OpenID provider ${idp.issuer} registered for ${DEMO_ORGANISATION.name} (@${DEMO_ORGANISATION.domain}).`);
  console.log(`  The app needs SSO_PRIVATE_IDP_ORIGINS=${idp.issuer} (in .env) and APP_URL=${env.APP_URL}.`);
  console.log(`  Try it: ${env.APP_URL}/sign-in/organisation with e.g. ada@${DEMO_ORGANISATION.domain} (any password at the provider).`);
  console.log("  Ctrl-C stops it.");
  const stop = async () => {
    await idp.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(`dev:oidc: ${(error as Error).message ?? error}`);
  process.exit(1);
});
