// `tsx e2e/support/read-mail.ts <to> <subject contains>`: the newest outbox mail to that address
// whose subject contains the text, as JSON {subject, text} (or null). A separate process for the
// same reason as grant-purchase.ts (Playwright's loader cannot load the generated Prisma client).
import { createDb } from "../../lib/db";

async function main() {
  const [to, subject] = process.argv.slice(2);
  if (!to || !subject) throw new Error("usage: read-mail.ts <to> <subject contains>");
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    const mail = await db.outboxMessage.findFirst({
      where: { to, subject: { contains: subject } },
      orderBy: { createdAt: "desc" },
      select: { subject: true, text: true },
    });
    process.stdout.write(JSON.stringify(mail));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
