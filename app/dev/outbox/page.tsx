import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { listOutbox } from "@/lib/mail/list-outbox";

export const metadata: Metadata = { title: "Outbox (development)" };
export const dynamic = "force-dynamic";

/**
 * Mail stored instead of sent (no SMTP_URL): readable here in development, and by admins
 * on a production build. Everybody else gets a 404, as if the page did not exist.
 */
export default async function OutboxPage() {
  if (env.SMTP_URL) notFound();
  const user = await getCurrentUser();
  if (env.NODE_ENV === "production" && user?.role !== "admin") notFound();
  const messages = await listOutbox(db, { take: 100 });
  return (
    <div className="page outbox">
      <h1>Outbox</h1>
      <p className="muted">
        Mail Lectern would have sent. Configure <code>SMTP_URL</code> to deliver it instead.
      </p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="outbox__message" data-testid="outbox-message">
          <header>
            <strong>{m.subject}</strong>
            <span className="muted">
              {" "}
              to {m.to} · {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
            </span>
          </header>
          <pre>{m.text}</pre>
        </article>
      ))}
    </div>
  );
}
