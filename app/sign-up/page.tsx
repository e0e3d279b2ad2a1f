import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { SignUpForm } from "@/components/auth/sign-up-form";

export const metadata: Metadata = { title: "Create an account" };
export const dynamic = "force-dynamic";

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="page page--narrow auth-page">
      <h1>Create your account</h1>
      <p className="muted">Free previews need no account. An account keeps your purchases, receipts and progress.</p>
      <SignUpForm next={next} />
    </div>
  );
}
