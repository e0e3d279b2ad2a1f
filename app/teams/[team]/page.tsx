import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
import { db } from "@/lib/db.server";
import { AppError } from "@/lib/errors";
import { loadTeamView } from "@/lib/teams/load-team-view";
import { requireTeamRole } from "@/lib/teams/require-team-role";
import { teamRoleMay } from "@/lib/teams/team-roles";
import { TeamForm } from "@/components/teams/team-form";
import { TeamGridTable } from "@/components/teams/team-grid-table";
import { assignAction, deleteAssignmentAction, inviteAction, revokeAction } from "./actions";
import "../../commerce.css";
import "../teams.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your team", robots: { index: false } };

const ZParams = z.object({ team: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });
const STATE_LABEL = { completed: "Completed", started: "Started", "not-started": "Not started" } as const;
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The lead's view of a team (issue 11): seats, members, invitations, the members × parts grid,
 * assignments. Only the team's owners and managers; anyone else gets a 404 (not a member) or a
 * 403 (a member without the role) — lib/teams/require-team-role.ts.
 */
export default async function TeamPage({ params }: { params: Promise<{ team: string }> }) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const teamId = parsed.data.team;
  const user = await requireUser(`/teams/${teamId}`);
  const context = await requireTeamRole(db, user.id, teamId, "see-progress").catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    if (error instanceof AppError && error.code === "FORBIDDEN") forbidden();
    throw error;
  });
  const now = new Date();
  const view = await loadTeamView(db, context, { kind: "user", userId: user.id, role: user.role }, now);
  const { team, membership } = context;
  const owner = teamRoleMay(membership.role, "invite");
  const free = team.seats - team.seatsUsed;

  return (
    <div className="page team-page">
      <p className="eyebrow">Team</p>
      <h1 data-testid="team-name">{team.name}</h1>
      <p className="team-page__lead">
        <Link href={`/courses/${team.course.slug}`}>{team.course.title}</Link> ·{" "}
        <span data-testid="team-seats">
          {team.seatsUsed} of {team.seats} seats taken
        </span>{" "}
        · you are {membership.role === "owner" ? "an owner" : "a manager"}
        {owner ? (
          <>
            {" "}
            · <Link href={`/courses/${team.course.slug}/checkout/team?team=${team.id}`}>Add seats</Link>
          </>
        ) : null}
      </p>

      <section aria-labelledby="progress-heading" className="team-section">
        <div className="team-section__head">
          <h2 id="progress-heading">Progress</h2>
          <a className="button" href={`/teams/${team.id}/progress.csv`} download data-testid="team-csv">
            Download CSV
          </a>
        </div>
        <p className="team-section__note">
          Completed segments per part: a segment counts once 90 % of it has really been played (skipping ahead counts nothing).
        </p>
        <TeamGridTable toc={view.toc} grid={view.grid} />
      </section>

      <section aria-labelledby="assign-heading" className="team-section">
        <h2 id="assign-heading">Assignments</h2>
        <TeamForm action={assignAction} label="New assignment" testId="assign-form" resetOnSuccess>
          <input type="hidden" name="team" value={team.id} />
          <div className="team-form__row">
            <label htmlFor="assign-target">Segment or part</label>
            <select id="assign-target" name="target" className="field-input" required defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {view.toc.parts.map((p) => (
                <optgroup key={p.id} label={`Part ${p.position}: ${p.title}`}>
                  <option value={`part:${p.id}`}>Whole part {p.position}: {p.title}</option>
                  {p.segments.map((s) => (
                    <option key={s.id} value={`segment:${s.id}`}>
                      {s.number} {s.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <fieldset className="team-form__row">
            <legend>For</legend>
            <label className="team-check">
              <input type="checkbox" name="assignees" value="team" /> The whole team
            </label>
            {view.grid.map((m) => (
              <label className="team-check" key={m.memberId}>
                <input type="checkbox" name="assignees" value={m.memberId} /> {m.name}
              </label>
            ))}
          </fieldset>
          <div className="team-form__row">
            <label htmlFor="assign-note">Note</label>
            <textarea id="assign-note" name="note" className="field-input" maxLength={1000} rows={2} />
          </div>
          <div className="team-form__row">
            <label htmlFor="assign-due">Due date (optional)</label>
            <input id="assign-due" name="due" type="date" className="field-input" />
          </div>
          <button type="submit" className="button button--primary">
            Assign
          </button>
        </TeamForm>
        {view.assignments.length === 0 ? (
          <p className="empty">No assignments yet.</p>
        ) : (
          <ul className="team-assignments" data-testid="team-assignments">
            {view.assignments.map((a) => {
              const counts = { completed: 0, started: 0, "not-started": 0, overdue: 0 };
              for (const x of a.assignees) {
                counts[x.status.state]++;
                if (x.status.overdue) counts.overdue++;
              }
              return (
                <li key={a.id} data-testid="team-assignment">
                  <p className="team-assignments__title">
                    <strong>{a.title}</strong> · {a.wholeTeam ? "whole team" : `${a.assignees.length} people`}
                    {a.dueAt ? ` · due ${day(a.dueAt)}` : ""}
                  </p>
                  {a.note ? <p className="team-assignments__note">{a.note}</p> : null}
                  <p className="team-assignments__summary" data-testid="assignment-summary">
                    {counts.completed} completed · {counts.started} started · {counts["not-started"]} not started
                    {counts.overdue > 0 ? ` · ${counts.overdue} overdue` : ""}
                  </p>
                  <ul className="team-assignments__people">
                    {a.assignees.map((x) => (
                      <li key={x.memberId} data-testid="assignee" data-email={x.email} data-state={x.status.state}>
                        {x.name}: <span className={`badge status--${x.status.state}`}>{STATE_LABEL[x.status.state]}</span>
                        {x.status.overdue ? <span className="badge status--overdue"> Overdue</span> : null}
                      </li>
                    ))}
                  </ul>
                  <TeamForm action={deleteAssignmentAction} label={`Delete the assignment of ${a.title}`} className="team-inline-form">
                    <input type="hidden" name="team" value={team.id} />
                    <input type="hidden" name="assignment" value={a.id} />
                    <button type="submit" className="button" data-testid="delete-assignment">
                      Delete assignment
                    </button>
                  </TeamForm>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-heading" className="team-section">
        <h2 id="members-heading">Members</h2>
        <ul className="team-members" data-testid="team-members">
          {view.grid.map((m) => (
            <li key={m.memberId} data-testid="team-member" data-email={m.email}>
              <span>
                {m.name} <span className="team-members__email">{m.email}</span> · {m.role}
              </span>
              {owner && m.role !== "owner" ? (
                <TeamForm action={revokeAction} label={`Revoke ${m.name}'s seat`} className="team-inline-form">
                  <input type="hidden" name="team" value={team.id} />
                  <input type="hidden" name="member" value={m.memberId} />
                  <button type="submit" className="button">
                    Revoke seat
                  </button>
                </TeamForm>
              ) : null}
            </li>
          ))}
        </ul>
        {view.pendingInvitations.length > 0 ? (
          <>
            <h3>Invited, not accepted yet</h3>
            <ul className="team-members" data-testid="team-invitations">
              {view.pendingInvitations.map((i) => (
                <li key={i.id}>
                  {i.email} · {i.role} · link works until {day(i.expiresAt)}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {owner ? (
          <TeamForm action={inviteAction} label="Invite someone" testId="invite-form" resetOnSuccess>
            <input type="hidden" name="team" value={team.id} />
            {free - view.pendingInvitations.length > 0 ? (
              <p className="team-section__note">
                {free - view.pendingInvitations.length} of {team.seats} seats free to invite to. An invitation takes a seat when it is
                accepted.
              </p>
            ) : (
              <p className="team-section__note" data-testid="invite-seats-full">
                Every seat is taken or promised to a pending invitation:{" "}
                <Link href={`/courses/${team.course.slug}/checkout/team?team=${team.id}`}>add seats</Link> (or revoke one) before inviting
                someone else.
              </p>
            )}
            <div className="team-form__row team-form__row--inline">
              <label htmlFor="invite-email">E-mail</label>
              <input id="invite-email" name="email" type="email" className="field-input" required maxLength={254} autoComplete="off" />
              <label htmlFor="invite-role">Role</label>
              <select id="invite-role" name="role" className="field-input" defaultValue="member">
                <option value="member">Member</option>
                <option value="manager">Manager (sees progress, assigns)</option>
              </select>
              <button type="submit" className="button button--primary">
                Invite
              </button>
            </div>
          </TeamForm>
        ) : null}
      </section>
    </div>
  );
}
