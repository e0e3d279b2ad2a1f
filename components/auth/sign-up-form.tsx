"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { USER_NAME_MAX, ZUserName } from "@/lib/auth/user-name";
import { FormError } from "./form-error";
import { authErrorMessage } from "./auth-messages";

export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);
  const [mailedTo, setMailedTo] = useState("");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = ZUserName.safeParse(String(form.get("name") ?? ""));
    if (!name.success) {
      setError(name.error.issues[0]!.message);
      return;
    }
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (password.length < 8) {
      setError("Choose a password of at least 8 characters.");
      return;
    }
    setPending(true);
    setError("");
    const { error: failure } = await authClient.signUp.email({ name: name.data, email, password, callbackURL: next });
    if (failure) {
      setPending(false);
      setError(authErrorMessage(failure, "sign-up"));
      return;
    }
    // Sign-up answers the same whether or not the address already had an account (ADR 003),
    // so it never signs in by itself. Signing in with what was just typed works for a new
    // account; when it doesn't, the address's owner has been mailed what to do.
    const { error: signInFailure } = await authClient.signIn.email({ email, password });
    setPending(false);
    if (signInFailure) {
      setMailedTo(email);
      return;
    }
    router.replace(next);
    router.refresh();
  }

  if (mailedTo) {
    return (
      <p role="status" className="form-success">
        Check your e-mail: we have sent {mailedTo} a message with the next step. If you already have an account, sign in
        or reset your password from there.
      </p>
    );
  }
  return (
    <form className="auth-form" onSubmit={onSubmit}>
      <label>
        Name
        <input name="name" autoComplete="name" required maxLength={USER_NAME_MAX} />
      </label>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password <span className="hint">(at least 8 characters)</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      <FormError message={error} />
      <button className="button button--primary" type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
      <p className="auth-form__links">
        Already have an account? <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in</Link>
      </p>
    </form>
  );
}
