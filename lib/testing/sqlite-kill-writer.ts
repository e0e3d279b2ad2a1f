// `node --import tsx lib/testing/sqlite-kill-writer.ts <file:url> <first batch> <rows per batch>`: the victim of lib/db-wal.integration.test.ts.
// Opens the database the way the app does (createDb) and writes batches of rows in interactive
// transactions forever, printing `committed <batch>` after each commit, until it is killed.
// Each batch is many statements with padding, so a SIGKILL usually lands inside a transaction
// or an automatic checkpoint rather than between them.
import { createDb } from "../db";

async function main() {
  const url = process.argv[2];
  const first = Number(process.argv[3]);
  const rows = Number(process.argv[4]);
  if (!url?.startsWith("file:") || !Number.isInteger(first) || !(rows > 0)) {
    throw new Error("usage: sqlite-kill-writer.ts file:<path> <first batch> <rows per batch>");
  }
  const db = createDb(url);
  const pad = "x".repeat(2000);
  for (let batch = first; ; batch++) {
    await db.$transaction(async (tx) => {
      for (let n = 0; n < rows; n++) {
        await tx.$executeRaw`INSERT INTO kill_probe (batch, n, pad) VALUES (${batch}, ${n}, ${pad})`;
      }
    });
    process.stdout.write(`committed ${batch}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
