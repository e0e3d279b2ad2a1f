import type { TToc } from "../catalog/get-course-toc";

export type TGridMember = { memberId: string; userId: string; name: string; email: string; role: string };
export type TGridProgressRow = { userId: string; segmentId: string; watchedSeconds: number; completedAt: Date | null; updatedAt: Date };

export type TGridRow = TGridMember & {
  /** One cell per part of the course, in order: completed segments of that part. */
  parts: { partId: string; completed: number; total: number }[];
  completedSegments: number;
  totalSegments: number;
  /** Seconds really watched (the union of watched ranges, lib/progress) of the course's segments. */
  watchedSeconds: number;
  lastActiveAt: Date | null;
};

/**
 * The lead's grid: members × parts of honest completion (a segment counts once ≥ 90 % of it was
 * really played: SegmentProgress.completedAt, lib/progress/completion.ts), last active, totals.
 * Pure: rows for segments no longer in the course are ignored.
 */
export function buildTeamGrid(toc: TToc, members: readonly TGridMember[], rows: readonly TGridProgressRow[]): TGridRow[] {
  const partOf = new Map<string, string>();
  for (const part of toc.parts) for (const s of part.segments) partOf.set(s.id, part.id);
  const byUser = new Map<string, TGridProgressRow[]>();
  for (const r of rows) {
    if (!partOf.has(r.segmentId)) continue;
    byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  }
  const totalSegments = toc.parts.reduce((n, p) => n + p.segments.length, 0);
  return members.map((m) => {
    const mine = byUser.get(m.userId) ?? [];
    const done = new Set(mine.filter((r) => r.completedAt !== null).map((r) => r.segmentId));
    const last = mine.reduce<Date | null>((max, r) => (max === null || r.updatedAt > max ? r.updatedAt : max), null);
    return {
      ...m,
      parts: toc.parts.map((p) => ({ partId: p.id, completed: p.segments.filter((s) => done.has(s.id)).length, total: p.segments.length })),
      completedSegments: done.size,
      totalSegments,
      watchedSeconds: mine.reduce((sum, r) => sum + r.watchedSeconds, 0),
      lastActiveAt: last,
    };
  });
}

/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (=, +, -, @, tab, CR). */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The grid as CSV (RFC 4180, CRLF), one row per member, one column per part. */
export function renderTeamCsv(toc: TToc, grid: readonly TGridRow[]): string {
  const header = [
    "Name",
    "E-mail",
    "Role",
    ...toc.parts.map((p) => `Part ${p.position}: ${p.title} (of ${p.segments.length})`),
    "Completed segments",
    "Total segments",
    "Completed %",
    "Watched minutes",
    "Last active (UTC)",
  ];
  const lines = grid.map((r) => [
    r.name,
    r.email,
    r.role,
    ...r.parts.map((c) => c.completed),
    r.completedSegments,
    r.totalSegments,
    r.totalSegments > 0 ? Math.round((100 * r.completedSegments) / r.totalSegments) : 0,
    Math.round(r.watchedSeconds / 6) / 10,
    r.lastActiveAt ? r.lastActiveAt.toISOString().replace("T", " ").slice(0, 16) : "",
  ]);
  return [header, ...lines].map((cells) => cells.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
