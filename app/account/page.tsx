import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/access/get-viewer.server";
import { formatMoney, formatReceiptDate } from "@/lib/commerce/format-money";
import { listAccount } from "@/lib/commerce/list-account";
import { listLearning } from "@/lib/progress/list-learning";
import { formatClock } from "@/lib/player/format-clock";
import { db } from "@/lib/db.server";
import { listMyAssignments } from "@/lib/teams/list-my-assignments";
import { listMyTeams } from "@/lib/teams/list-my-teams";
import { AssignedToYou } from "@/components/teams/assigned-to-you";
import "../commerce.css";
import "../teams/teams.css";
import "../player.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const viewer = { kind: "user", userId: user.id, role: user.role } as const;
  const [{ orders }, learning, assignments, teams] = await Promise.all([
    listAccount(db, user.id),
    listLearning(db, viewer),
    listMyAssignments(db, viewer, { now: new Date() }),
    listMyTeams(db, user.id),
  ]);

  return (
    <div className="page account-page">
      <h1>Your account</h1>
      <p className="account-page__who">
        {user.name} · {user.email} · <Link href="/account/settings">Settings</Link>
      </p>

      <AssignedToYou assignments={assignments} showCourse />

      {teams.length > 0 ? (
        <section aria-labelledby="teams-heading">
          <h2 id="teams-heading">Your teams</h2>
          <ul className="team-members" data-testid="account-teams">
            {teams.map((t) => (
              <li key={t.id}>
                <span>
                  {t.role === "member" ? t.name : <Link href={`/teams/${t.id}`}>{t.name}</Link>} · {t.course.title} · {t.role}
                </span>
                {t.role !== "member" ? (
                  <span>
                    {t.seatsUsed} of {t.seats} seats taken
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading">Your courses</h2>
        {learning.length === 0 ? (
          <p className="empty">
            No courses yet. <Link href="/">Browse the catalog</Link>.
          </p>
        ) : (
          <ul className="account-courses" data-testid="account-courses">
            {learning.map(({ toc, entitlement, progress, certificateToken }) => {
              const { course } = toc;
              const resume = progress.resume;
              const at = resume && resume.positionSeconds >= 1 ? Math.floor(resume.positionSeconds) : 0;
              const first = toc.parts[0]?.segments[0];
              const href = resume
                ? `/courses/${course.slug}/${resume.segment.slug}${at > 0 ? `?t=${at}` : ""}`
                : first
                  ? `/courses/${course.slug}/${first.slug}`
                  : `/courses/${course.slug}`;
              const percent = Math.round(progress.fraction * 100);
              const label =
                entitlement.reason === "purchase"
                  ? "Owned"
                  : entitlement.reason === "team-seat"
                    ? "Team seat"
                    : entitlement.reason === "free-course"
                    ? "Free course"
                    : entitlement.reason === "admin"
                      ? "Admin"
                      : entitlement.reason === "organisation-licence"
                        ? "Your organisation's licence"
                        : "Free preview";
              return (
                <li key={course.id} data-testid="account-course" data-slug={course.slug}>
                  <div className="account-courses__head">
                    <Link href={`/courses/${course.slug}`}>{course.title}</Link>
                    <span className={`badge ${entitlement.reason === "purchase" || entitlement.reason === "team-seat" ? "badge--owned" : "badge--free"}`}>{label}</span>
                  </div>
                  {course.subtitle ? <span className="account-courses__subtitle">{course.subtitle}</span> : null}
                  <div className="course-progress__meter">
                    <progress max={100} value={percent} aria-label={`${course.title}: watched`} />
                    <span className="course-progress__text" data-testid="account-course-progress">
                      {progress.completedCount} of {progress.segmentCount} segments watched ({percent} %)
                    </span>
                  </div>
                  {certificateToken ? (
                    <p className="account-courses__done">
                      Completed ·{" "}
                      <Link href={`/certificates/${certificateToken}`} data-testid="account-certificate">
                        Your certificate
                      </Link>
                    </p>
                  ) : progress.completedCount === progress.segmentCount && progress.segmentCount > 0 ? (
                    <p className="account-courses__done">Completed</p>
                  ) : (
                    <Link className="button button--primary account-courses__continue" href={href} data-testid="account-continue">
                      {resume
                        ? `Continue: ${resume.segment.number} ${resume.segment.title}${at > 0 ? ` at ${formatClock(at)}` : ""}`
                        : "Start watching"}
                    </Link>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="orders-heading">
        <h2 id="orders-heading">Orders</h2>
        {orders.length === 0 ? (
          <p className="empty">No orders yet.</p>
        ) : (
          <div className="table-scroll">
            <table className="orders-table" data-testid="orders-table">
              <thead>
                <tr>
                  <th scope="col">Order</th>
                  <th scope="col">Date</th>
                  <th scope="col">Course</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    Total
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Receipt</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {orders.map((o) => (
                  <tr key={o.id}>
                    <td className="mono" data-label="Order">{o.number}</td>
                    <td data-label="Date">{formatReceiptDate(o.paidAt ?? o.createdAt)}</td>
                    <td data-label="Course">{o.course.title}</td>
                    <td data-label="Status">
                      <span className={`badge status status--${o.status}`}>{o.status}</span>
                    </td>
                    <td className="num" data-label="Total">{formatMoney(o.totalCents, o.currency)}</td>
                    <td>
                      {o.status === "paid" || o.status === "refunded" ? (
                        <Link href={`/account/orders/${o.id}/receipt`}>Receipt</Link>
                      ) : o.status === "void" ? (
                        <Link href={`/account/orders/${o.id}/receipt`}>Details</Link>
                      ) : o.status === "pending" && o.provider === "local" ? (
                        <Link href={`/checkout/local/${o.id}`}>Complete payment</Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
