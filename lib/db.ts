import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { databaseProvider, sqlitePath } from "./env";

/**
 * Both providers' clients are generated from the same models (prisma/models.prisma), so
 * their query API is the same; the SQLite client's type stands for both.
 * See docs/decisions/001-prisma-offline-and-two-providers.md.
 */
export type Db = SqliteClient;

export function createDb(url: string): Db {
  if (databaseProvider(url) === "postgres") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    return client as unknown as Db;
  }
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return new SqliteClient({ adapter: new WalSqliteAdapterFactory({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS }) });
}

/**
 * How long a SQLite statement waits for another process's lock (the worker transcoding beside
 * the app, the seed, a CLI script, a second app instance) before failing with SQLITE_BUSY.
 * better-sqlite3's default is 5 s; with the worker's ffmpeg using every core, a commit (fsync,
 * synchronous FULL) once took longer than that and an admin's form failed (CI, issue 9). 15 s
 * turns a slow moment into a slow answer instead of an error.
 */
const SQLITE_BUSY_TIMEOUT_MS = 15_000;

/**
 * WAL mode (issue 13): readers never block the writer nor the writer the readers, so a page
 * render or a playback check doesn't wait behind a progress write or a seed, and a commit is
 * one append to the log. A crash or SIGKILL mid-write leaves the log behind, and the next open
 * replays its committed transactions and drops the torn tail (lib/db-wal.integration.test.ts).
 * Set on the adapter's own connection when Prisma first connects (the adapter has no option for
 * pragmas); the mode is then stored in the database file. `synchronous` stays FULL: every commit
 * is on disk before it is acknowledged, also across a power loss.
 * A copy of the database must now include the -wal file, or be made with `sqlite3 .backup`.
 */
class WalSqliteAdapterFactory extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript("PRAGMA journal_mode = WAL;");
    beginImmediately(adapter);
    return adapter;
  }
}

/**
 * Every transaction starts with BEGIN IMMEDIATE instead of the adapter's plain (deferred) BEGIN.
 * A deferred transaction that reads and then writes pins a snapshot at its first read; if another
 * process (the worker, an import, a second instance) commits before the first write, that write
 * fails at once with SQLITE_BUSY_SNAPSHOT — the busy timeout does not apply, because waiting could
 * never help (CI saw P1008 on an admin form and on checkout while the worker transcoded).
 * IMMEDIATE takes the write lock up front, waiting up to the busy timeout for it, so a transaction
 * can no longer be overtaken. Transactions in one process are already serialised by the adapter,
 * so this costs nothing there. lib/db-write-lock.integration.test.ts shows the failure without it.
 * The adapter (7.x) has no option for this; it runs `prepare("BEGIN")` on its better-sqlite3
 * handle, which is the one statement rewritten here.
 */
function beginImmediately(adapter: unknown) {
  const client = (adapter as { client?: { prepare?: (sql: string) => unknown } }).client;
  if (!client || typeof client.prepare !== "function") {
    throw new Error("lib/db.ts: the SQLite adapter no longer exposes its connection; check how it begins transactions");
  }
  const prepare = client.prepare.bind(client);
  client.prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
}
