import Link from "next/link";

type TSiteNavProps = {
  user: { name: string; role: "learner" | "admin" } | null;
  signOut: () => Promise<void>;
};

export function SiteNav({ user, signOut }: TSiteNavProps) {
  return (
    <nav aria-label="Main" className="site-nav">
      {/* Phones: the logo is the way to the catalog, so the header fits 390 px with a name. */}
      <Link href="/" className="site-nav__courses">
        Courses
      </Link>
      {user ? (
        <>
          <Link href="/account" className="site-nav__account" data-testid="account-link" title={user.name || undefined}>
            {user.name || "Account"}
          </Link>
          <form action={signOut}>
            <button type="submit" className="link-button">
              Sign out
            </button>
          </form>
        </>
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
