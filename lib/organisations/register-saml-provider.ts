import crypto from "node:crypto";
import * as samlify from "samlify";
import { AppError } from "../errors";
import { nowOf, type TAdminDeps } from "../admin/admin-deps";
import type { TRegisterSamlProvider } from "./organisation-schemas";
import { loadSsoOrganisation, providerIdOf, saveSsoProvider } from "./sso-provider-store";

const REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
const EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

export type TRegisterSamlDeps = TAdminDeps & {
  /** APP_URL: the service provider's entity id and Assertion Consumer Service live under it. */
  appUrl: string;
};

/**
 * What the organisation's IdP administrator enters on their side for Lectern (the "service
 * provider"): @better-auth/sso's ACS and metadata endpoints for this provider id. The entity id
 * is the metadata URL, so an IdP that imports metadata by URL needs nothing else.
 */
export function samlServiceProviderOf(appUrl: string, providerId: string) {
  const base = `${appUrl.replace(/\/+$/, "")}/api/auth`;
  const metadataUrl = `${base}/sso/saml2/sp/metadata?providerId=${encodeURIComponent(providerId)}`;
  return { entityId: metadataUrl, metadataUrl, acsUrl: `${base}/sso/saml2/sp/acs/${providerId}` };
}

/**
 * Registers (or replaces) the organisation's SAML 2.0 identity provider (issue 11). Nothing is
 * fetched: the admin pastes the IdP's metadata XML, or its entity id, sign-in URL and signing
 * certificate, which are checked here so a typo is a clear 400 and not a failed sign-in later.
 * Stored in @better-auth/sso's table in the shape its own registration writes, with:
 * signed assertions required (wantAssertionsSigned — the library then verifies the assertion's
 * own signature, not just the envelope's), the audience pinned to our SP entity id, and the
 * organisation's attested domains, so "Sign in with your organisation" finds it by work e-mail.
 * An organisation has one identity provider: this replaces an OpenID one, and the reverse.
 */
export async function registerSamlProvider(
  deps: TRegisterSamlDeps,
  input: TRegisterSamlProvider,
): Promise<{ providerId: string; entityId: string }> {
  const now = nowOf(deps);
  const org = await loadSsoOrganisation(deps.db, input.organisationId, "entityId");
  const idp = input.metadata ? fromMetadata(input.metadata, now) : fromFields(input, now);
  const providerId = providerIdOf(org.slug);
  const sp = samlServiceProviderOf(deps.appUrl, providerId);
  const samlConfig = {
    issuer: idp.entityId,
    entryPoint: idp.entryPoint,
    ...(idp.metadata ? {} : { cert: idp.certificate }),
    audience: sp.entityId,
    idpMetadata: idp.metadata
      ? { metadata: idp.metadata }
      : { entityID: idp.entityId, cert: idp.certificate, singleSignOnService: [{ Binding: REDIRECT_BINDING, Location: idp.entryPoint }] },
    spMetadata: { entityID: sp.entityId },
    wantAssertionsSigned: true,
    authnRequestsSigned: false,
    identifierFormat: EMAIL_FORMAT,
  };
  await saveSsoProvider(
    deps,
    now,
    { org, issuer: idp.entityId, config: { oidcConfig: null, samlConfig: JSON.stringify(samlConfig) } },
    {
      before: (stored) => ({ issuer: stored.issuer, protocol: stored.samlConfig ? "saml" : "oidc" }),
      after: { protocol: "saml", issuer: idp.entityId, entryPoint: idp.entryPoint, certificateSha256: idp.fingerprint },
    },
  );
  return { providerId, entityId: idp.entityId };
}

type TIdp = { entityId: string; entryPoint: string; certificate: string; fingerprint: string; metadata?: string };

function fromFields(input: TRegisterSamlProvider, now: Date): TIdp {
  const entityId = input.entityId!;
  const entryPoint = input.entryPoint!;
  const { pem, fingerprint } = checkCertificate(input.certificate!, now, "certificate");
  return { entityId, entryPoint, certificate: pem, fingerprint };
}

/** Parsed with samlify, as @better-auth/sso will parse it at every sign-in. */
function fromMetadata(metadata: string, now: Date): TIdp {
  const refuse = (message: string) => new AppError("BAD_REQUEST", message, { field: "metadata" });
  let entityMeta: ReturnType<typeof samlify.IdentityProvider>["entityMeta"];
  try {
    entityMeta = samlify.IdentityProvider({ metadata }).entityMeta;
  } catch {
    throw refuse("That is not SAML identity provider metadata (an <EntityDescriptor> with an <IDPSSODescriptor>)");
  }
  const entityId = entityMeta.getEntityID();
  const services = entityMeta.getSingleSignOnService("redirect");
  const entryPoint = typeof services === "string" ? services : "";
  const signing = entityMeta.getX509Certificate("signing");
  const base64 = (Array.isArray(signing) ? signing[0] : signing) as string | undefined;
  if (!entityId) throw refuse("The metadata names no entityID");
  if (!entryPoint) throw refuse("The metadata has no SingleSignOnService with the HTTP-Redirect binding, which Lectern uses");
  if (!base64) throw refuse("The metadata has no signing certificate (<KeyDescriptor use=\"signing\">)");
  const { pem, fingerprint } = checkCertificate(base64, now, "metadata");
  return { entityId, entryPoint, certificate: pem, fingerprint, metadata };
}

/** A PEM (or bare base64 DER, as metadata holds it) X.509 certificate that is valid now. */
function checkCertificate(text: string, now: Date, field: string): { pem: string; fingerprint: string } {
  const body = text
    .replace(/-----(BEGIN|END) CERTIFICATE-----/g, "")
    .replace(/\s+/g, "");
  let certificate: crypto.X509Certificate;
  try {
    certificate = new crypto.X509Certificate(Buffer.from(body, "base64"));
  } catch {
    throw new AppError("BAD_REQUEST", "The signing certificate is not an X.509 certificate (paste the PEM, -----BEGIN CERTIFICATE----- …)", { field });
  }
  if (new Date(certificate.validTo).getTime() <= now.getTime()) {
    throw new AppError("BAD_REQUEST", `The signing certificate expired on ${new Date(certificate.validTo).toISOString().slice(0, 10)}`, { field });
  }
  const pem = `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
  return { pem, fingerprint: certificate.fingerprint256 };
}
