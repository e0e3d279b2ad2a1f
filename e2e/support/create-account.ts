// `tsx e2e/support/create-account.ts <email> <password> <name> <learner|admin>`: an account written
// straight to the e2e database — verified, with Better Auth's own password hashing, as
// lib/auth/ensure-admin.ts does for the seeded admin — so specs don't spend the sign-up
// endpoint's per-address rate limit (10 a minute) on setup. Prints {"id": …}.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { createDb } from "../../lib/db";

async function main() {
  const [email, password, name, role] = process.argv.slice(2);
  if (!email || !password || !name || (role !== "learner" && role !== "admin")) {
    throw new Error("usage: create-account.ts <email> <password> <name> <learner|admin>");
  }
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    const id = randomUUID().replaceAll("-", "");
    const hash = await hashPassword(password);
    await db.$transaction([
      db.user.create({ data: { id, email, name, role, emailVerified: true }, select: { id: true } }),
      db.account.create({
        data: { id: randomUUID().replaceAll("-", ""), userId: id, accountId: id, providerId: "credential", password: hash },
        select: { id: true },
      }),
    ]);
    process.stdout.write(JSON.stringify({ id }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
