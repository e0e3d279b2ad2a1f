"use server";

import type { TAdminActionState } from "@/lib/admin/admin-action-state";
import { runAdminAction } from "@/lib/admin/run-admin-action.server";
import { env } from "@/lib/env.server";
import { splitOrigins } from "@/lib/env";
import { createOrganisation } from "@/lib/organisations/create-organisation";
import { addOrganisationDomain, removeOrganisationDomain } from "@/lib/organisations/organisation-domains";
import { endLicence, grantLicence } from "@/lib/organisations/organisation-licences";
import {
  ZAddOrganisationDomain,
  ZCreateOrganisation,
  ZEndLicence,
  ZGrantLicence,
  ZRegisterOidcProvider,
  ZRegisterSamlProvider,
  ZRemoveOrganisationDomain,
  ZRemoveSsoProvider,
} from "@/lib/organisations/organisation-schemas";
import { registerOidcProvider } from "@/lib/organisations/register-oidc-provider";
import { registerSamlProvider } from "@/lib/organisations/register-saml-provider";
import { removeSsoProvider } from "@/lib/organisations/remove-sso-provider";

export async function createOrganisationAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZCreateOrganisation, async (deps, input) => {
    const { organisationId } = await createOrganisation(deps, input);
    return { redirectTo: `/admin/organisations/${organisationId}` };
  });
}

export async function addDomainAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZAddOrganisationDomain, async (deps, input) => {
    await addOrganisationDomain(deps, input);
    return { notice: `${input.domain} added: verified addresses there are covered by the organisation's licences.` };
  });
}

export async function removeDomainAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZRemoveOrganisationDomain, async (deps, input) => {
    await removeOrganisationDomain(deps, input);
    return { notice: "Domain removed: its people lost the organisation's licences." };
  });
}

export async function grantLicenceAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZGrantLicence, async (deps, input) => {
    await grantLicence(deps, input);
    return { notice: `Licence saved until ${input.endsOn.toISOString().slice(0, 10)}.` };
  });
}

export async function endLicenceAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZEndLicence, async (deps, input) => {
    await endLicence(deps, input);
    return { notice: "Licence ended: streaming and downloads stopped for its members." };
  });
}

export async function registerProviderAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZRegisterOidcProvider, async (deps, input) => {
    const { issuer } = await registerOidcProvider({ ...deps, privateIdpOrigins: splitOrigins(env.SSO_PRIVATE_IDP_ORIGINS) }, input);
    return { notice: `Single sign-on through ${issuer} is on.` };
  });
}

export async function registerSamlProviderAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZRegisterSamlProvider, async (deps, input) => {
    const { entityId } = await registerSamlProvider({ ...deps, appUrl: env.APP_URL }, input);
    return { notice: `Single sign-on through the SAML identity provider ${entityId} is on.` };
  });
}

export async function removeProviderAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZRemoveSsoProvider, async (deps, input) => {
    await removeSsoProvider(deps, input);
    return { notice: "Identity provider removed." };
  });
}
