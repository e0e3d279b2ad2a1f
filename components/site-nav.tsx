"use client";

import Link from "next/link";
import { useSelectedLayoutSegments } from "next/navigation";
import { publishViewer, usePublishedViewer } from "@/components/catalog/viewer-state";

type TSiteNavProps = {
  /** The signed-in user of a page rendered for its request; null in every shared render. */
  user: { name: string; role: "learner" | "admin" } | null;
  signOut: () => Promise<void>;
};

/**
 * The viewer shell (issue 12, docs/decisions/019-cached-pages.md) is a shared render sent to
 * signed-in viewers only: `/cached/courses/<slug>/viewer` and `/cached/home/viewer` behind the
 * proxy's rewrite. Its root layout knows nobody, so the header's account area waits for the
 * page's viewer JSON instead of showing "Sign in" to someone who is signed in.
 */
function useInViewerShell(): boolean {
  const segments = useSelectedLayoutSegments();
  return segments[0] === "cached" && segments.includes("viewer");
}

export function SiteNav({ user, signOut }: TSiteNavProps) {
  const published = usePublishedViewer();
  const inShell = useInViewerShell();
  // A page rendered for its request knows its user; after that, what the last page's viewer
  // state said (the layout is not rendered again on client navigations out of a shell).
  const who = user ?? (published?.kind === "user" ? published : null);
  const pending = !who && inShell && published === null;
  return (
    <nav aria-label="Main" className="site-nav">
      {/* Phones: the logo is the way to the catalog, so the header fits 390 px with a name. */}
      <Link href="/" className="site-nav__courses">
        Courses
      </Link>
      {who ? (
        <>
          <Link href="/account" className="site-nav__account" data-testid="account-link" title={who.name || undefined}>
            {who.name || "Account"}
          </Link>
          <form action={signOut} onSubmit={() => publishViewer({ kind: "anonymous" })}>
            <button type="submit" className="link-button">
              Sign out
            </button>
          </form>
        </>
      ) : pending ? (
        // Keeps the line's height; nothing to its right moves (the account area is last).
        <span className="site-nav__pending" aria-hidden="true" data-testid="account-pending" />
      ) : (
        <>
          <Link href="/sign-in">Sign in</Link>
          <Link href="/sign-up" className="site-nav__cta">
            Create account
          </Link>
        </>
      )}
    </nav>
  );
}
