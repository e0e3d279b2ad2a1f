"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** "Sign in" that comes back to the page that asked (the 401 page doesn't know its path on the server). */
export function SignInHereLink() {
  const pathname = usePathname() || "/";
  return (
    <Link className="button button--primary" href={`/sign-in?next=${encodeURIComponent(pathname)}`}>
      Sign in
    </Link>
  );
}
