import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

const ZResetSearch = z.object({ token: z.string().min(8).max(200).optional(), error: z.string().optional() });

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, unknown>> }) {
  const parsed = ZResetSearch.safeParse(await searchParams);
  const token = parsed.success && !parsed.data.error ? parsed.data.token : undefined;
  return (
    <div className="page page--narrow auth-page">
      <h1>Choose a new password</h1>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <p role="alert" className="form-error">
          This reset link is invalid or has expired. <Link href="/forgot-password">Ask for a new one</Link>.
        </p>
      )}
    </div>
  );
}
