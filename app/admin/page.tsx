import type { Metadata } from "next";
import Link from "next/link";
import { ADMIN_SECTIONS } from "@/components/admin/admin-sections";
import { requireAdmin } from "@/lib/access/require-admin.server";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

export default async function AdminHome() {
  const admin = await requireAdmin();
  return (
    <div className="page admin-page">
      <h1>Run the shop</h1>
      <p className="muted">Signed in as {admin.email}.</p>
      <ul className="admin-cards">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link href={section.href} className="admin-card">
              <strong>{section.label}</strong>
              <span className="muted">{section.blurb}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
