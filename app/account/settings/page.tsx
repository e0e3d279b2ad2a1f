import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/access/get-viewer.server";
import { KEPT_FOR_ACCOUNTING } from "@/lib/account/delete-account";
import { db } from "@/lib/db.server";
import { DeleteAccountForm, EmailForm, NameForm, PasswordForm } from "@/components/account/account-settings";
import "../../commerce.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account settings" };

export default async function AccountSettingsPage() {
  const user = await requireUser("/account/settings");
  const credential = await db.account.findFirst({
    where: { userId: user.id, providerId: "credential", password: { not: null } },
    select: { id: true },
  });
  return (
    <div className="page page--narrow account-settings">
      <p className="breadcrumb">
        <Link href="/account">Your account</Link> <span aria-hidden="true">›</span> Settings
      </p>
      <h1>Account settings</h1>
      <section aria-labelledby="name-heading">
        <h2 id="name-heading">Name</h2>
        <NameForm name={user.name} />
      </section>
      <section aria-labelledby="email-heading">
        <h2 id="email-heading">E-mail address</h2>
        <p>
          Now: <strong data-testid="current-email">{user.email}</strong>
          {user.emailVerified ? " (confirmed)" : " (not confirmed yet)"}
        </p>
        <EmailForm email={user.email} />
      </section>
      {credential ? (
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <PasswordForm />
        </section>
      ) : null}
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>Everything Lectern holds about you — account, orders, progress, notes, certificates — as one JSON file.</p>
        <a className="button" href="/api/account/export" download data-testid="export-data">
          Download my data (JSON)
        </a>
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading">Delete your account</h2>
        <DeleteAccountForm hasPassword={credential !== null} kept={KEPT_FOR_ACCOUNTING} />
      </section>
    </div>
  );
}
