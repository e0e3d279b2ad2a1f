import Link from "next/link";
import type { TMyAssignment } from "@/lib/teams/list-my-assignments";

const LABEL = { completed: "Completed", started: "Started", "not-started": "Not started" } as const;

/** "Assigned to you" (issue 11): what the member's leads assigned, with note, due date and status. */
export function AssignedToYou({ assignments, showCourse }: { assignments: TMyAssignment[]; showCourse: boolean }) {
  if (assignments.length === 0) return null;
  return (
    <section className="assigned-to-you" aria-labelledby="assigned-heading" data-testid="assigned-to-you">
      <h2 id="assigned-heading">Assigned to you</h2>
      <ul>
        {assignments.map((a) => (
          <li key={a.id} data-testid="my-assignment" data-state={a.status.state}>
            {a.href ? <Link href={a.href}>{a.title}</Link> : <span>{a.title}</span>}
            {showCourse ? ` · ${a.course.title}` : ""} · {a.teamName}
            {a.dueAt ? ` · due ${a.dueAt.toISOString().slice(0, 10)}` : ""}{" "}
            <span className={`badge status--${a.status.state}`}>{LABEL[a.status.state]}</span>
            {a.status.overdue ? <span className="badge status--overdue">Overdue</span> : null}
            {a.note ? <p className="assigned-to-you__note">{a.note}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
