// `tsx e2e/support/count-rows.ts <userId> <emailMarker>`: what the bad-input corpus could have
// written for its own identities — the learner's orders, progress and preferences, and users
// and outbox mail whose address carries the corpus marker. Scoped to those identities because
// other specs write to the same database in parallel. A separate process for the same reason as
// grant-purchase.ts (Playwright's loader cannot load the generated Prisma client).
import { createDb } from "../../lib/db";

async function main() {
  const [userId, marker] = process.argv.slice(2);
  if (!userId || !marker) throw new Error("usage: count-rows.ts <userId> <emailMarker>");
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    const counts = {
      users: await db.user.count({ where: { email: { contains: marker } } }),
      orders: await db.order.count({ where: { userId } }),
      segmentProgress: await db.segmentProgress.count({ where: { userId } }),
      userPreferences: await db.userPreference.count({ where: { userId } }),
      outboxMessages: await db.outboxMessage.count({ where: { to: { contains: marker } } }),
    };
    process.stdout.write(JSON.stringify(counts));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
