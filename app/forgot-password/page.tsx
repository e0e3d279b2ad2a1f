import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default function ForgotPasswordPage() {
  return (
    <div className="page page--narrow auth-page">
      <h1>Reset your password</h1>
      <p className="muted">Enter the email address of your account and we will send you a link.</p>
      <ForgotPasswordForm />
    </div>
  );
}
