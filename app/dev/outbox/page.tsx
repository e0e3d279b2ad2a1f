import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { describeDelivery } from "@/lib/mail/describe-delivery";
import { listOutbox } from "@/lib/mail/list-outbox";

export const metadata: Metadata = { title: "Outbox (development)" };
export const dynamic = "force-dynamic";

/**
 * Every mail Lectern queued, with where its delivery stands (docs/decisions/010-mail-outbox.md):
 * without SMTP_URL the mail itself, kept here; with it, what was sent, what waits for a retry
 * and why, and what failed. Readable in development, and by admins on a production build.
 * Everybody else gets a 404, as if the page did not exist.
 */
export default async function OutboxPage() {
  const user = await getCurrentUser();
  if (env.NODE_ENV === "production" && user?.role !== "admin") notFound();
  const messages = await listOutbox(db, { take: 100 });
  return (
    <div className="page outbox">
      <h1>Outbox</h1>
      <p className="muted">
        {env.SMTP_URL ? (
          <>Mail queued for sending through <code>SMTP_URL</code>, newest first, with its delivery state.</>
        ) : (
          <>
            Mail Lectern would have sent. Configure <code>SMTP_URL</code> to deliver it instead.
          </>
        )}
      </p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="outbox__message" data-testid="outbox-message" data-status={m.status}>
          <header>
            <strong>{m.subject}</strong>
            <span className="muted">
              {" "}
              to {m.to} · {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
            </span>
          </header>
          <p className="muted" data-testid="outbox-delivery">
            {describeDelivery(m)}
          </p>
          {m.lastError && m.status !== "sent" ? (
            <p className="form-error" data-testid="outbox-error">
              Last error: {m.lastError}
            </p>
          ) : null}
          <pre>{m.text}</pre>
        </article>
      ))}
    </div>
  );
}
