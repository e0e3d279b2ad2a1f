"use client";

import Link from "next/link";
import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { FormError } from "./form-error";

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, setState] = useState<"idle" | "pending" | "done">("idle");
  const [error, setError] = useState("");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const newPassword = String(new FormData(event.currentTarget).get("password") ?? "");
    if (newPassword.length < 8) {
      setError("Choose a password of at least 8 characters.");
      return;
    }
    setState("pending");
    const { error: failure } = await authClient.resetPassword({ newPassword, token });
    if (failure) {
      setError("This reset link is invalid or has expired. Ask for a new one.");
      setState("idle");
      return;
    }
    setState("done");
  }

  if (state === "done") {
    return (
      <p role="status" className="form-success">
        Your password has been changed. <Link href="/sign-in">Sign in</Link>
      </p>
    );
  }
  return (
    <form className="auth-form" onSubmit={onSubmit}>
      <label>
        New password <span className="hint">(at least 8 characters)</span>
        <input name="password" type="password" autoComplete="new-password" required minLength={8} maxLength={128} />
      </label>
      <FormError message={error} />
      <button className="button button--primary" type="submit" disabled={state === "pending"}>
        Set new password
      </button>
    </form>
  );
}
