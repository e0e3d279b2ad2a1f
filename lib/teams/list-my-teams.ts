import type { Db } from "../db";

/** The teams the user is an active member of, with their role (for /account). */
export async function listMyTeams(db: Db, userId: string) {
  const rows = await db.teamMember.findMany({
    where: { userId, status: "active" },
    orderBy: { joinedAt: "asc" },
    select: { role: true, team: { select: { id: true, name: true, seats: true, seatsUsed: true, course: { select: { slug: true, title: true } } } } },
  });
  return rows.map((r) => ({ role: r.role, ...r.team }));
}
