// `tsx e2e/support/make-admin.ts <userId>`: gives an account the admin role, as ADMIN_EMAIL
// does for the seeded one. Admin e2e specs use their own admins so they never share the seeded
// account (which other specs sign in to, and the lockout spec fails on purpose).
import { createDb } from "../../lib/db";

async function main() {
  const [userId] = process.argv.slice(2);
  if (!userId) throw new Error("usage: make-admin.ts <userId>");
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    await db.user.update({ where: { id: userId }, data: { role: "admin" }, select: { id: true } });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
