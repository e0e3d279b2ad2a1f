import Link from "next/link";

/** The body of every "not found" page. */
export function NotFoundMessage() {
  return (
    <div className="page page--narrow not-found">
      <h1>Not found</h1>
      <p>There is no course or segment at this address.</p>
      <Link className="button" href="/">
        Browse all courses
      </Link>
    </div>
  );
}
