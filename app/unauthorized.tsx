import type { Metadata } from "next";
import { SignInHereLink } from "@/components/admin/sign-in-here-link";

export const metadata: Metadata = { title: "Sign in required" };

/** Rendered with status 401 when a page or action calls unauthorized() (e.g. /admin, signed out). */
export default function Unauthorized() {
  return (
    <div className="page page--narrow not-found" data-testid="unauthorized">
      <h1>Sign in required</h1>
      <p>This page is for signed-in admins. Sign in with an admin account to continue.</p>
      <SignInHereLink />
    </div>
  );
}
