import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="page page--narrow auth-page">
      <h1>Sign in</h1>
      <p className="auth-page__organisation" data-testid="organisation-sign-in-hint">
        Your organisation may already give you access: check with your work e-mail first.{" "}
        <Link href={`/sign-in/organisation?next=${encodeURIComponent(next)}`}>Sign in with your organisation</Link>
      </p>
      <SignInForm next={next} />
    </div>
  );
}
