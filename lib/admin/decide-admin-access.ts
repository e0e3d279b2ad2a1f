/** Who may use /admin: only a signed-in account whose role is admin (issue 9). */
export type TAdminAccess =
  | { allowed: true; admin: { id: string; email: string; name: string } }
  | { allowed: false; reason: "anonymous" | "not-admin" };

export function decideAdminAccess(
  user: { id: string; email: string; name: string; role: "learner" | "admin" } | null,
): TAdminAccess {
  if (!user) return { allowed: false, reason: "anonymous" };
  if (user.role !== "admin") return { allowed: false, reason: "not-admin" };
  return { allowed: true, admin: { id: user.id, email: user.email, name: user.name } };
}
