import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm, FieldError, SubmitButton } from "@/components/admin/action-form";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { db } from "@/lib/db.server";
import { listAdminOrganisations } from "@/lib/organisations/load-admin-organisations";
import { createOrganisationAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Organisations" };

export default async function AdminOrganisationsPage() {
  await requireAdmin();
  const organisations = await listAdminOrganisations(db);
  return (
    <div className="page admin-page">
      <h1>Organisations</h1>
      <p className="muted">
        An organisation&apos;s licence covers everyone with a verified address at exactly one of its domains, and everyone who
        signs in through its own identity provider (single sign-on).
      </p>
      {organisations.length === 0 ? (
        <p className="muted">No organisations yet.</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table admin-table--stack">
            <caption className="visually-hidden">All organisations by name</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Domains</th>
                <th scope="col" className="num">Licences</th>
                <th scope="col">Single sign-on</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id} data-testid="organisation-row" data-slug={o.slug}>
                  <td>
                    <Link href={`/admin/organisations/${o.id}`}>{o.name}</Link>
                    <div className="muted small">{o.slug}</div>
                  </td>
                  <td>{o.domains.map((d) => d.domain).join(", ") || "None"}</td>
                  <td className="num">{o._count.licences}</td>
                  <td>{o._count.ssoProviders > 0 ? "On" : "Off"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>New organisation</h2>
      <ActionForm action={createOrganisationAction} label="New organisation" testId="new-organisation-form">
        <div className="admin-form__row">
          <label>
            Name
            <input className="field-input" name="name" required maxLength={120} />
            <FieldError name="name" />
          </label>
          <label>
            Slug <span className="hint">lowercase, e.g. acme-training</span>
            <input className="field-input" name="slug" required maxLength={100} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
            <FieldError name="slug" />
          </label>
        </div>
        <SubmitButton className="button button--primary">Create organisation</SubmitButton>
      </ActionForm>
    </div>
  );
}
