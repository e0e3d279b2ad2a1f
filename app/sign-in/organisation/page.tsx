import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { safeReturnPath } from "@/lib/auth/safe-return-path";
import { OrganisationSignInForm } from "./organisation-sign-in-form";

export const metadata: Metadata = { title: "Sign in with your organisation" };
export const dynamic = "force-dynamic";

/** What an identity provider's failed sign-in (?error=) means for the person who tried. */
function describeError(code: string | undefined): string {
  if (!code) return "";
  // OIDC's state, or SAML's relay state / request ID / an assertion already used.
  if (["state_mismatch", "invalid_state", "replay_detected", "unsolicited_response"].includes(code)) {
    return "That sign-in expired or was started elsewhere. Please try again.";
  }
  if (code === "access_denied") return "Sign-in was cancelled at your organisation.";
  return "Your organisation's sign-in did not succeed. Try again, or ask your organisation's IT team.";
}

export default async function OrganisationSignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string | string[]; error?: string | string[] }>;
}) {
  const query = await searchParams;
  const next = safeReturnPath(query.next);
  if (await getCurrentUser()) redirect(next);
  const error = describeError([query.error].flat()[0]);
  return (
    <div className="page page--narrow auth-page">
      <h1>Sign in with your organisation</h1>
      <p>
        If your employer or school has a Lectern licence, enter your work e-mail: we send you to your organisation&apos;s
        sign-in and bring you back. Your account is made the first time.
      </p>
      <OrganisationSignInForm next={next} initialError={error} />
      <p className="auth-form__links">
        <Link href={`/sign-in?next=${encodeURIComponent(next)}`}>Sign in with a password</Link>
      </p>
    </div>
  );
}
