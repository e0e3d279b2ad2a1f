"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { FormError } from "../auth/form-error";

type TStatus = { kind: "idle" } | { kind: "pending" } | { kind: "done"; message: string } | { kind: "error"; message: string };

function messageOf(error: { status?: number; message?: string } | null | undefined, fallback: string): string {
  if (!error) return fallback;
  if (error.status === 429) return "Too many attempts. Wait a minute and try again.";
  return error.message || fallback;
}

function Status({ status }: { status: TStatus }) {
  if (status.kind === "done") {
    return (
      <p className="form-success" role="status">
        {status.message}
      </p>
    );
  }
  return <FormError message={status.kind === "error" ? status.message : ""} />;
}

/** Change the name shown on receipts, certificates and the site (length-limited by the server). */
export function NameForm({ name }: { name: string }) {
  const router = useRouter();
  const [status, setStatus] = useState<TStatus>({ kind: "idle" });
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("name") ?? "");
    setStatus({ kind: "pending" });
    const { error } = await authClient.updateUser({ name: value });
    if (error) return setStatus({ kind: "error", message: messageOf(error, "The name could not be changed.") });
    setStatus({ kind: "done", message: "Name saved." });
    router.refresh();
  }
  return (
    <form className="auth-form" onSubmit={onSubmit} data-testid="name-form">
      <label>
        Name
        <input name="name" defaultValue={name} autoComplete="name" required maxLength={100} />
      </label>
      <Status status={status} />
      <button className="button" type="submit" disabled={status.kind === "pending"}>
        Save name
      </button>
    </form>
  );
}

/** A new address takes effect once its owner follows the link sent to it. */
export function EmailForm({ email }: { email: string }) {
  const [status, setStatus] = useState<TStatus>({ kind: "idle" });
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newEmail = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setStatus({ kind: "pending" });
    const { error } = await authClient.changeEmail({ newEmail, callbackURL: "/account/settings" });
    if (error) return setStatus({ kind: "error", message: messageOf(error, "The address could not be changed.") });
    // The same answer whether or not the new address already has an account.
    setStatus({
      kind: "done",
      message: `We sent a link to ${newEmail}. Your address changes when you follow it; until then, sign in with ${email}.`,
    });
  }
  return (
    <form className="auth-form" onSubmit={onSubmit} data-testid="email-form">
      <label>
        New e-mail address
        <input name="email" type="email" autoComplete="email" required maxLength={254} />
      </label>
      <Status status={status} />
      <button className="button" type="submit" disabled={status.kind === "pending"}>
        Send confirmation link
      </button>
    </form>
  );
}

/** Change the password; every other session is signed out. */
export function PasswordForm() {
  const [status, setStatus] = useState<TStatus>({ kind: "idle" });
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setStatus({ kind: "pending" });
    const { error } = await authClient.changePassword({
      currentPassword: String(data.get("current") ?? ""),
      newPassword: String(data.get("new") ?? ""),
      revokeOtherSessions: true,
    });
    if (error) return setStatus({ kind: "error", message: messageOf(error, "The password could not be changed.") });
    form.reset();
    setStatus({ kind: "done", message: "Password changed. Other devices are signed out." });
  }
  return (
    <form className="auth-form" onSubmit={onSubmit} data-testid="password-form">
      <label>
        Current password
        <input name="current" type="password" autoComplete="current-password" required maxLength={128} />
      </label>
      <label>
        New password (at least 8 characters)
        <input name="new" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      <Status status={status} />
      <button className="button" type="submit" disabled={status.kind === "pending"}>
        Change password
      </button>
    </form>
  );
}

/** Deleting asks for the address and the password again; orders stay (accounting). */
export function DeleteAccountForm({ hasPassword, kept }: { hasPassword: boolean; kept: string }) {
  const [status, setStatus] = useState<TStatus>({ kind: "idle" });
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setStatus({ kind: "pending" });
    const res = await fetch("/api/account", {
      method: "DELETE",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        confirmEmail: String(data.get("confirmEmail") ?? ""),
        ...(hasPassword ? { password: String(data.get("password") ?? "") } : {}),
      }),
    });
    if (!res.ok) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      return setStatus({ kind: "error", message: body?.error?.message ?? `The account could not be deleted (${res.status}).` });
    }
    window.location.assign("/?account=deleted");
  }
  return (
    <form className="auth-form" onSubmit={onSubmit} data-testid="delete-form">
      <p className="account-settings__warning">
        This signs you out everywhere and removes your account, progress, notes and certificates. {kept}
      </p>
      <label>
        Type your e-mail address to confirm
        <input name="confirmEmail" type="email" autoComplete="off" required maxLength={254} />
      </label>
      {hasPassword ? (
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required maxLength={128} />
        </label>
      ) : null}
      <Status status={status} />
      <button className="button button--danger" type="submit" disabled={status.kind === "pending"}>
        Delete my account
      </button>
    </form>
  );
}
