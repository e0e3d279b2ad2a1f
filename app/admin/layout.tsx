import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdmin } from "@/lib/access/require-admin.server";
import "./admin.css";

export const metadata: Metadata = { title: { default: "Admin", template: "%s · Admin · Lectern" }, robots: { index: false } };

/**
 * The admin frame. Its requireAdmin() only keeps the frame from rendering for others: every
 * page and action checks again itself (a layout does not guard the page rendered beside it).
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdmin();
  return (
    <div className="admin">
      <div className="admin__bar">
        <Link href="/admin" className="admin__home">
          Admin
        </Link>
        <AdminNav />
        <span className="admin__who muted" title={admin.email}>
          {admin.email}
        </span>
      </div>
      <div className="admin__content">{children}</div>
    </div>
  );
}
