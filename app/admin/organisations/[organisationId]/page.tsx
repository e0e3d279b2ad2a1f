import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm, FieldError, SubmitButton } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { listAdminCourses } from "@/lib/admin/courses/list-admin-courses";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { loadAdminOrganisation } from "@/lib/organisations/load-admin-organisations";
import { providerIdOf } from "@/lib/organisations/sso-provider-store";
import { samlServiceProviderOf } from "@/lib/organisations/register-saml-provider";
import { zId } from "@/lib/admin/form-fields";
import {
  addDomainAction,
  endLicenceAction,
  grantLicenceAction,
  registerProviderAction,
  registerSamlProviderAction,
  removeDomainAction,
  removeProviderAction,
} from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organisation" };

const ZParams = z.object({ organisationId: zId });
const day = (d: Date) => d.toISOString().slice(0, 10);

export default async function AdminOrganisationPage({ params }: { params: Promise<{ organisationId: string }> }) {
  await requireAdmin();
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const [org, courses] = await Promise.all([loadAdminOrganisation(db, parsed.data.organisationId), listAdminCourses(db)]);
  if (!org) notFound();
  const now = new Date();
  const redirectUri = `${env.APP_URL}/api/auth/sso/callback/${providerIdOf(org.slug)}`;
  const samlSp = samlServiceProviderOf(env.APP_URL, providerIdOf(org.slug));
  const inAYear = day(new Date(now.getTime() + 365 * 86_400_000));
  return (
    <div className="page admin-page">
      <p className="breadcrumb">
        <Link href="/admin/organisations">Organisations</Link> /
      </p>
      <div className="admin-head">
        <h1>{org.name}</h1>
        <span className="badge">{org.slug}</span>
      </div>

      <h2>E-mail domains</h2>
      <p className="muted admin-wrap-anywhere">
        Exact matches only: <code>example.com</code> covers <code>ada@example.com</code>, not <code>eng.example.com</code>,{" "}
        <code>example.com.evil.io</code> or <code>evil-example.com</code>. An address counts once its owner has confirmed it,
        or when they signed in through this organisation&apos;s identity provider.
      </p>
      {org.domains.length === 0 ? (
        <p className="muted">No domains yet.</p>
      ) : (
        <ul className="admin-list" data-testid="organisation-domains">
          {org.domains.map((d) => (
            <li key={d.id}>
              <code>{d.domain}</code> <span className="muted small">({d.verifiedBy}, {day(d.createdAt)})</span>
              <ActionForm action={removeDomainAction} className="admin-inline-form" label={`Remove ${d.domain}`}>
                <input type="hidden" name="domainId" value={d.id} />
                <SubmitButton className="button button--danger">Remove</SubmitButton>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      <ActionForm action={addDomainAction} label="Add a domain" testId="add-domain-form" resetOnSuccess>
        <input type="hidden" name="organisationId" value={org.id} />
        <div className="admin-form__row">
          <label>
            Domain
            <input className="field-input" name="domain" required maxLength={253} placeholder="example.com" />
            <FieldError name="domain" />
          </label>
        </div>
        <label className="admin-checkbox">
          <input type="checkbox" name="attested" required /> I checked that this organisation owns this domain (for
          instance with its IT department, or its identity provider&apos;s settings)
        </label>
        <FieldError name="attested" />
        <SubmitButton>Add domain</SubmitButton>
      </ActionForm>

      <h2>Licences</h2>
      {org.licences.length === 0 ? (
        <p className="muted">No licences yet.</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table admin-table--stack">
            <caption className="visually-hidden">Courses licensed to {org.name}</caption>
            <thead>
              <tr>
                <th scope="col">Course</th>
                <th scope="col">Until</th>
                <th scope="col">State</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {org.licences.map((l) => {
                const current = l.endsAt.getTime() > now.getTime();
                return (
                  <tr key={l.id} data-testid="licence-row" data-course={l.course.slug}>
                    <td>{l.course.title}</td>
                    <td>{day(l.endsAt)}</td>
                    <td>{current ? "Current" : "Ended"}</td>
                    <td>
                      {current ? (
                        <ActionForm action={endLicenceAction} className="admin-inline-form" label={`End the licence for ${l.course.title}`}>
                          <input type="hidden" name="licenceId" value={l.id} />
                          <SubmitButton className="button button--danger">End now</SubmitButton>
                        </ActionForm>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ActionForm action={grantLicenceAction} label="Grant or extend a licence" testId="grant-licence-form">
        <input type="hidden" name="organisationId" value={org.id} />
        <div className="admin-form__row">
          <label>
            Course
            <select className="field-input" name="courseId" required defaultValue="">
              <option value="" disabled>
                Choose a course
              </option>
              {courses.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}
                </option>
              ))}
            </select>
            <FieldError name="courseId" />
          </label>
          <label>
            Until <span className="hint">end of day, UTC</span>
            <input className="field-input" type="date" name="endsOn" required defaultValue={inAYear} />
            <FieldError name="endsOn" />
          </label>
        </div>
        <SubmitButton>Save licence</SubmitButton>
      </ActionForm>

      <h2>Single sign-on</h2>
      {org.ssoProviders.length === 0 ? (
        <p className="muted">Off. People at the organisation&apos;s domains sign in with a password and confirm their address.</p>
      ) : (
        <dl className="admin-facts admin-wrap-anywhere" data-testid="sso-provider">
          {org.ssoProviders.map((p) => (
            <div key={p.id}>
              <dt>{p.protocol === "saml" ? "SAML 2.0 identity provider" : "OpenID Connect issuer"}</dt>
              <dd>
                <code>{p.issuer}</code>
                {p.protocol === "saml" ? (
                  <>
                    {" "}
                    · sign-in URL <code>{p.entryPoint}</code>
                  </>
                ) : (
                  <>
                    {" "}
                    · client <code>{p.clientId}</code>
                  </>
                )}{" "}
                · domains {p.domain || "none (signs nobody in)"}
                <ActionForm action={removeProviderAction} className="admin-inline-form" label="Remove the identity provider">
                  <input type="hidden" name="ssoProviderId" value={p.id} />
                  <SubmitButton className="button button--danger">Remove</SubmitButton>
                </ActionForm>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <p className="muted small">One identity provider per organisation: registering one replaces the other.</p>

      <h3>OpenID Connect</h3>
      <p className="muted admin-wrap-anywhere">
        In the organisation&apos;s identity provider, register Lectern as a web client with the redirect URI{" "}
        <code data-testid="redirect-uri">{redirectUri}</code>, then enter its issuer and credentials here. Lectern reads the
        rest from <code>&lt;issuer&gt;/.well-known/openid-configuration</code>.
      </p>
      <ActionForm action={registerProviderAction} label="Register the identity provider" testId="register-provider-form">
        <input type="hidden" name="organisationId" value={org.id} />
        <div className="admin-form__row">
          <label>
            Issuer URL
            <input className="field-input" name="issuer" type="url" required maxLength={500} placeholder="https://login.example.com" />
            <FieldError name="issuer" />
          </label>
          <label>
            Client ID
            <input className="field-input" name="clientId" required maxLength={500} autoComplete="off" />
            <FieldError name="clientId" />
          </label>
          <label>
            Client secret <span className="hint">stored for the sign-in; never shown again</span>
            <input className="field-input" name="clientSecret" type="password" required maxLength={2000} autoComplete="new-password" />
            <FieldError name="clientSecret" />
          </label>
        </div>
        <SubmitButton className="button button--primary">{org.ssoProviders.length > 0 ? "Replace with this OpenID provider" : "Turn on single sign-on"}</SubmitButton>
      </ActionForm>

      <h3>SAML 2.0</h3>
      <p className="muted admin-wrap-anywhere">
        In the organisation&apos;s identity provider, add Lectern as a service provider: entity ID{" "}
        <code data-testid="saml-sp-entity-id">{samlSp.entityId}</code>, Assertion Consumer Service (HTTP-POST){" "}
        <code data-testid="saml-acs-url">{samlSp.acsUrl}</code>, name ID the person&apos;s e-mail address, and signed
        assertions. The entity ID is also Lectern&apos;s metadata URL, which most providers can import (it answers
        once the provider is registered here). Then paste the provider&apos;s metadata, or its entity ID, sign-in URL and signing certificate.
      </p>
      <ActionForm action={registerSamlProviderAction} label="Register a SAML identity provider" testId="register-saml-provider-form">
        <input type="hidden" name="organisationId" value={org.id} />
        <label>
          IdP metadata (XML) <span className="hint">optional: replaces the three fields below</span>
          <textarea className="field-input" name="metadata" rows={5} maxLength={100000} spellCheck={false} />
          <FieldError name="metadata" />
        </label>
        <div className="admin-form__row">
          <label>
            IdP entity ID
            <input className="field-input" name="entityId" maxLength={500} autoComplete="off" placeholder="https://idp.example.com/metadata" />
            <FieldError name="entityId" />
          </label>
          <label>
            Sign-in (SSO) URL
            <input className="field-input" name="entryPoint" type="url" maxLength={500} placeholder="https://idp.example.com/sso" />
            <FieldError name="entryPoint" />
          </label>
        </div>
        <label>
          Signing certificate (PEM)
          <textarea className="field-input" name="certificate" rows={4} maxLength={20000} spellCheck={false} placeholder="-----BEGIN CERTIFICATE-----" />
          <FieldError name="certificate" />
        </label>
        <SubmitButton className="button button--primary">{org.ssoProviders.length > 0 ? "Replace with this SAML provider" : "Turn on SAML sign-in"}</SubmitButton>
      </ActionForm>
    </div>
  );
}
