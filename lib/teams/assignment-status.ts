export type TAssignmentState = "completed" | "started" | "not-started";
export type TAssigneeStatus = { state: TAssignmentState; overdue: boolean };

/**
 * Where one assignee stands on one assignment, pure. The scope is the assigned segment, or
 * every listed segment of the assigned part. Completed: every segment of the scope honestly
 * complete; started: something of it watched; overdue: not completed and the due date has
 * passed (a due date is a day: overdue from the next day on, UTC).
 */
export function decideAssigneeStatus(input: {
  scope: readonly string[];
  progress: ReadonlyMap<string, { watchedSeconds: number; completed: boolean }>;
  dueAt: Date | null;
  now: Date;
}): TAssigneeStatus {
  const { scope, progress, dueAt, now } = input;
  const completed = scope.length > 0 && scope.every((id) => progress.get(id)?.completed);
  const started = scope.some((id) => (progress.get(id)?.watchedSeconds ?? 0) > 0);
  const state: TAssignmentState = completed ? "completed" : started ? "started" : "not-started";
  return { state, overdue: !completed && dueAt !== null && now.getTime() >= endOfDueDay(dueAt).getTime() };
}

/** A due date is stored as midnight UTC of the day; the assignment is due by the end of it. */
export function endOfDueDay(dueAt: Date): Date {
  return new Date(dueAt.getTime() + 24 * 60 * 60 * 1000);
}
