import Link from "next/link";

/** "← Newer · Page n of m · Older →" under an admin list, newest first; nothing for one page. */
export function AdminPager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null;
  return (
    <nav className="admin-pager" aria-label="Pages">
      {page > 1 ? <Link href={href(page - 1)}>← Newer</Link> : <span />}
      <span className="muted">
        Page {page} of {pages}
      </span>
      {page < pages ? <Link href={href(page + 1)}>Older →</Link> : <span />}
    </nav>
  );
}
