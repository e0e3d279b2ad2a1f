"use client";

import { useState } from "react";
import { FormError } from "@/components/auth/form-error";

/**
 * "Sign in with your organisation": the work e-mail picks the organisation's identity provider
 * (@better-auth/sso, by domain); the browser then goes there and comes back signed in.
 */
export function OrganisationSignInForm({ next, initialError }: { next: string; initialError: string }) {
  const [error, setError] = useState(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const domain = email.split("@")[1] ?? "";
    setPending(true);
    setError("");
    const res = await fetch("/api/auth/sign-in/sso", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        email,
        callbackURL: next,
        errorCallbackURL: `/sign-in/organisation?next=${encodeURIComponent(next)}`,
      }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { url?: string; message?: string } | null;
    if (res?.ok && body?.url) {
      window.location.assign(body.url);
      return;
    }
    setPending(false);
    setError(
      res?.status === 404
        ? `No organisation sign-in is set up for ${domain || "that address"}. Sign in with your password instead, or ask your organisation.`
        : body?.message || "Organisation sign-in is not available right now. Try again in a moment.",
    );
  }

  return (
    <form className="auth-form" onSubmit={onSubmit} data-testid="organisation-sign-in-form">
      <label>
        Work e-mail
        <input name="email" type="email" autoComplete="email" required placeholder="you@your-company.com" />
      </label>
      <FormError message={error} />
      <button className="button button--primary" type="submit" disabled={pending}>
        {pending ? "Finding your organisation…" : "Continue"}
      </button>
    </form>
  );
}
