import Link from "next/link";

export default function NotFound() {
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
