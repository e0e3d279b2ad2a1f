"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { FormError } from "./form-error";
import { authErrorMessage } from "./auth-messages";

export function SignUpForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get("password") ?? "");
    if (password.length < 8) {
      setError("Choose a password of at least 8 characters.");
      return;
    }
    setPending(true);
    setError("");
    const { error: failure } = await authClient.signUp.email({
      name: String(form.get("name") ?? "").trim(),
      email: String(form.get("email") ?? "").trim(),
      password,
      callbackURL: next,
    });
    setPending(false);
    if (failure) {
      setError(authErrorMessage(failure, "sign-up"));
      return;
    }
    router.replace(next);
    router.refresh();
  }

  return (
    <form className="auth-form" onSubmit={onSubmit}>
      <label>
        Name
        <input name="name" autoComplete="name" required maxLength={100} />
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
