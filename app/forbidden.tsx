import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not allowed" };

/** Rendered with status 403 when a page or action calls forbidden() (e.g. /admin as a learner). */
export default function Forbidden() {
  return (
    <div className="page page--narrow not-found" data-testid="forbidden">
      <h1>Not allowed</h1>
      <p>Your account can't open this page: it is for admins only.</p>
      <Link className="button" href="/">
        Browse all courses
      </Link>
    </div>
  );
}
