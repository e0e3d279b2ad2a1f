"use client";

import { useState } from "react";
import { authClient } from "@/lib/auth/auth-client";
import { FormError } from "./form-error";
import { authErrorMessage } from "./auth-messages";

export function ForgotPasswordForm() {
  const [state, setState] = useState<"idle" | "pending" | "sent">("idle");
  const [error, setError] = useState("");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    setState("pending");
    setError("");
    const { error: failure } = await authClient.requestPasswordReset({ email, redirectTo: "/reset-password" });
    if (failure && failure.status === 429) {
      setError(authErrorMessage(failure, "reset"));
      setState("idle");
      return;
    }
    // The same answer whether or not the address has an account.
    setState("sent");
  }

  if (state === "sent") {
    return (
      <p role="status" className="form-success">
        If an account exists for that address, we have sent a link to reset its password. It works for one hour.
      </p>
    );
  }
  return (
    <form className="auth-form" onSubmit={onSubmit}>
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <FormError message={error} />
      <button className="button button--primary" type="submit" disabled={state === "pending"}>
        Send reset link
      </button>
    </form>
  );
}
