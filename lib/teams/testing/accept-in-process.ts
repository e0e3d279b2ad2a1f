// `node --import tsx lib/teams/testing/accept-in-process.ts <database url> <secret> <user id> <email> <token>`:
// one person accepting an invitation from their own process (their own connection), for the
// seat race in teams.integration.test.ts. Prints `ready`, waits for a line on stdin (so every
// racer starts together), accepts, prints one JSON line {ok} or {code, message}, and exits.
import readline from "node:readline";
import { createDb } from "../../db";
import { AppError } from "../../errors";
import { acceptInvitation } from "../accept-invitation";

async function main() {
  const [url, secret, id, email, token] = process.argv.slice(2);
  if (!url || !secret || !id || !email || !token) throw new Error("usage: accept-in-process.ts <url> <secret> <user id> <email> <token>");
  const db = createDb(url);
  await db.user.findUnique({ where: { id }, select: { id: true } }); // connect before the start signal
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once("line", () => resolve()));
  try {
    await acceptInvitation({ db, secret }, { id, email }, token);
    process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stdout.write(`${JSON.stringify({ ok: false, code: error.code, message: error.message })}\n`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
