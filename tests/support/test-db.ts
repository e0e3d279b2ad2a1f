// A fresh, fully migrated database for each integration test file.
//
//   const { url, db, cleanup } = await createTestDatabase();
//   afterAll(() => cleanup());
//
// The provider comes from TEST_DATABASE_URL (default SQLite):
// - SQLite (`file:…`): each call copies a template file to a new temp file.
// - PostgreSQL (`postgresql://…/anything`): each call runs `CREATE DATABASE … TEMPLATE …` on
//   that server (the URL's own database is not touched; its user must be allowed to create
//   databases).
// The template is built by the real `prisma migrate deploy` of the committed migrations
// (prisma/<provider>/migrations), through prisma.config.ts and the schema-engine bridge, and
// is named after a hash of those migrations: it is built once (~2-4 s) and then reused by
// every test file, worker and later run until a migration changes. Cloning takes well under
// a second. Parallel workers take a lock so only one builds it.
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db } from "../../lib/db";

export type TestDatabase = { url: string; db: Db; cleanup(): Promise<void> };

const root = path.resolve(__dirname, "../..");
const DEFAULT_URL = "file:./data/test.db";

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_URL;
}

export function testProvider(url = testDatabaseUrl()): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const base = testDatabaseUrl();
  const url = testProvider(base) === "postgres" ? await clonePostgres(base) : await cloneSqlite();
  const db = createDb(url);
  let cleaned = false;
  return {
    url,
    db,
    async cleanup() {
      if (cleaned) return;
      cleaned = true;
      await db.$disconnect();
      await dropDatabase(url);
    },
  };
}

/** Runs the real Prisma CLI against `databaseUrl` (used here and by the migrations test). */
export function runPrisma(args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: databaseUrl };
    execFile(path.join(root, "node_modules/.bin/prisma"), args, { cwd: root, env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** Removes a database made by createTestDatabase (or any SQLite file / PG database). */
export async function dropDatabase(url: string): Promise<void> {
  if (testProvider(url) === "sqlite") {
    const file = url.replace(/^file:/, "");
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    return;
  }
  const name = databaseName(url);
  await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

function migrationsHash(provider: "sqlite" | "postgres"): string {
  const dir = path.join(root, "prisma", provider, "migrations");
  const hash = crypto.createHash("sha256").update(provider);
  for (const name of fs.readdirSync(dir).sort()) {
    const sql = path.join(dir, name, "migration.sql");
    if (fs.existsSync(sql)) hash.update(`\0${name}\0`).update(fs.readFileSync(sql));
  }
  return hash.digest("hex").slice(0, 16);
}

async function migrate(url: string): Promise<void> {
  const { code, output } = await runPrisma(["migrate", "deploy"], url);
  if (code !== 0) throw new Error(`prisma migrate deploy failed for the test template:\n${output}`);
}

// ---- SQLite ---------------------------------------------------------------------------

const sqliteDir = path.join(os.tmpdir(), "lectern-test-db");

async function cloneSqlite(): Promise<string> {
  fs.mkdirSync(sqliteDir, { recursive: true });
  const template = path.join(sqliteDir, `template-${migrationsHash("sqlite")}.db`);
  if (!fs.existsSync(template)) await withFileLock(`${template}.lock`, () => buildSqliteTemplate(template));
  const file = path.join(sqliteDir, `test-${process.pid}-${crypto.randomUUID()}.db`);
  fs.copyFileSync(template, file);
  return `file:${file}`;
}

async function buildSqliteTemplate(template: string): Promise<void> {
  if (fs.existsSync(template)) return; // another worker built it while we waited
  const building = `${template}.${process.pid}.building`;
  fs.rmSync(building, { force: true });
  await migrate(`file:${building}`);
  // The engine locks SQLite in exclusive mode, which leaves an inactive (zeroed) journal
  // beside the file. Opening it once settles any journal the SQLite way before we drop it.
  new Database(building).close();
  fs.rmSync(`${building}-journal`, { force: true });
  fs.renameSync(building, template); // atomic: readers never see a half-built template
}

async function withFileLock(lock: string, fn: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      // A lock older than a minute belongs to a crashed run.
      const age = Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 60_000) fs.rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    await fn();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

// ---- PostgreSQL -----------------------------------------------------------------------

async function clonePostgres(base: string): Promise<string> {
  const template = `lectern_template_${migrationsHash("postgres")}`;
  await withAdmin(base, async (admin) => {
    // Serialises template builds across parallel workers (released when the session ends).
    await admin.query("SELECT pg_advisory_lock(hashtext($1))", [template]);
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
    if (exists.rowCount === 0) {
      const building = `${template}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${ident(building)} WITH (FORCE)`);
      await migrate(withDatabase(base, building)); // `migrate deploy` creates the database
      await admin.query(`ALTER DATABASE ${ident(building)} RENAME TO ${ident(template)}`);
    }
  });
  const name = `lectern_test_${process.pid}_${crypto.randomBytes(6).toString("hex")}`;
  await withAdmin(base, async (admin) => {
    // CREATE DATABASE … TEMPLATE fails while another session copies the same template.
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== "55006" || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return withDatabase(base, name);
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(url, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
