import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { describeChange } from "@/lib/admin/audit/describe-change";
import { listAuditLog, ZAuditFilter } from "@/lib/admin/audit/list-audit-log";
import { db } from "@/lib/db.server";
import { AdminPager } from "@/components/admin/admin-pager";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const TARGETS = ["course", "part", "segment", "coupon", "order", "upload", "job"] as const;

function targetHref(type: string, id: string): string | null {
  if (type === "course") return `/admin/courses/${id}`;
  if (type === "coupon") return `/admin/coupons/${id}`;
  if (type === "order") return `/admin/orders/${id}`;
  return null;
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const filter = ZAuditFilter.parse(await searchParams);
  const { entries, total, page, pages } = await listAuditLog(db, filter);
  const query = (n: number) => {
    const params = new URLSearchParams();
    for (const key of ["target", "actor", "action", "targetId"] as const) if (filter[key]) params.set(key, filter[key]);
    params.set("page", String(n));
    return `/admin/audit?${params}`;
  };
  return (
    <div className="page admin-page">
      <h1>Audit log</h1>
      <form className="admin-inline-form admin-search" action="/admin/audit" method="get" aria-label="Filter the audit log">
        <label>
          What
          <select className="field-input" name="target" defaultValue={filter.target}>
            <option value="">Everything</option>
            {TARGETS.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action contains
          <input className="field-input" name="action" defaultValue={filter.action} placeholder="refund, publish, move…" maxLength={60} />
        </label>
        <label>
          Admin e-mail contains
          <input className="field-input" name="actor" defaultValue={filter.actor} maxLength={254} />
        </label>
        {filter.targetId ? <input type="hidden" name="targetId" value={filter.targetId} /> : null}
        <button type="submit" className="button">
          Filter
        </button>
        <Link href="/admin/audit">Clear</Link>
      </form>
      <p className="muted" role="status">
        {total} entr{total === 1 ? "y" : "ies"}
        {filter.targetId ? ` for ${filter.targetId}` : ""}, page {page} of {pages}.
      </p>
      {entries.length > 0 ? (
        <div className="admin-table-wrap">
          <table className="admin-table admin-table--stack admin-audit">
            <caption className="visually-hidden">Admin actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Before → after</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const href = targetHref(e.targetType, e.targetId);
                const changes = describeChange(e.before, e.after);
                return (
                  <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                    <td className="nowrap">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                    <td className="admin-email">{e.actorEmail}</td>
                    <td>
                      <strong>{e.action}</strong>
                      <div className="small">
                        {href ? <Link href={href}>{e.targetId}</Link> : <span className="muted">{e.targetId}</span>}{" "}
                        <Link className="muted" href={`/admin/audit?targetId=${encodeURIComponent(e.targetId)}`}>
                          (history)
                        </Link>
                      </div>
                    </td>
                    <td>
                      {changes.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        <ul className="admin-changes">
                          {changes.map((c) => (
                            <li key={c.field}>
                              <span className="admin-changes__field">{c.field}</span>: <del>{c.before}</del> → <ins>{c.after}</ins>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <AdminPager page={page} pages={pages} href={query} />
    </div>
  );
}
