// The database side of the schema-engine bridge: which driver adapter a datasource URL
// needs, and the three one-shot `cli` subcommands the Prisma CLI runs before it starts the
// engine proper (can-connect-to-database, create-database, drop-database).
// See docs/decisions/001-prisma-offline-and-two-providers.md.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";

/** A known failure the CLI shows as-is: Prisma's error code plus a readable message. */
export class EngineError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

export function providerOf(url) {
  if (/^postgres(ql)?:\/\//.test(url)) return "postgres";
  if (url.startsWith("file:")) return "sqlite";
  throw new EngineError("P1013", `Unsupported datasource URL (need file: or postgresql://): ${redact(url)}`);
}

/** `file:./data/x.db?x=y` → absolute path, relative to the working directory (as lib/env.ts). */
export function sqliteFile(url) {
  return path.resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** The migration-aware adapter factory the WASM engine talks to the database through. */
export function adapterFactory(url) {
  if (providerOf(url) === "sqlite") return new PrismaBetterSqlite3({ url: sqliteFile(url) });
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  const pool = new pg.Pool({ connectionString: pgConnectionString(url), Client: CatalogFriendlyClient });
  return new PrismaPg(pool, schema ? { schema } : undefined);
}

// Reading a live database's schema (migrate diff --from-config-datasource, db pull) queries
// pg_catalog columns of PostgreSQL's internal one-byte type "char" (oid 18), which
// @prisma/adapter-pg can't map ("Column type 'char' could not be deserialized", cf.
// prisma/orm#27403). node-postgres returns those values as strings anyway: report them as text.
const PG_INTERNAL_CHAR = 18;
const PG_TEXT = 25;
class CatalogFriendlyClient extends pg.Client {
  query(...args) {
    const fix = (res) => {
      for (const field of res?.fields ?? []) if (field.dataTypeID === PG_INTERNAL_CHAR) field.dataTypeID = PG_TEXT;
      return res;
    };
    const callback = args.at(-1);
    if (typeof callback === "function") args[args.length - 1] = (err, res) => callback(err, err ? res : fix(res));
    const result = super.query(...args);
    return typeof result?.then === "function" ? result.then(fix) : result;
  }
}

export async function runCliCommand(command, url) {
  const handlers = providerOf(url) === "sqlite" ? sqlite : postgres;
  const run = handlers[command];
  if (!run) throw new EngineError("P1000", `Unknown schema-engine cli command: ${command}`);
  await run(url);
}

const sqlite = {
  async "can-connect-to-database"(url) {
    const file = sqliteFile(url);
    if (!fs.existsSync(file)) throw new EngineError("P1003", `Database ${path.basename(file)} does not exist at ${file}`);
  },
  async "create-database"(url) {
    const file = sqliteFile(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.closeSync(fs.openSync(file, "a"));
  },
  async "drop-database"(url) {
    fs.rmSync(sqliteFile(url), { force: true });
  },
};

const postgres = {
  async "can-connect-to-database"(url) {
    await withClient(pgConnectionString(url), async () => {});
  },
  async "create-database"(url) {
    await withClient(maintenanceUrl(url), (c) => c.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`));
  },
  async "drop-database"(url) {
    await withClient(maintenanceUrl(url), (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(databaseName(url))}`));
  },
};

/**
 * `migrate reset` on SQLite: the native engine deletes the file, the WASM engine (which can't
 * touch files) does nothing at all. Drop every table, view and trigger instead.
 */
export function resetSqlite(url) {
  const file = sqliteFile(url);
  if (!fs.existsSync(file)) return;
  const db = new Database(file);
  try {
    db.pragma("foreign_keys = OFF");
    const objects = db
      .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('view', 'trigger', 'table') AND name NOT LIKE 'sqlite_%'")
      .all();
    db.transaction(() => {
      for (const { type, name } of objects) db.exec(`DROP ${type.toUpperCase()} IF EXISTS ${quoteIdent(name)}`);
    })();
    db.exec("VACUUM");
  } finally {
    db.close();
  }
}

async function withClient(connectionString, fn) {
  const client = new pg.Client({ connectionString });
  try {
    await client.connect();
    return await fn(client);
  } catch (error) {
    if (error.code === "3D000") {
      throw new EngineError("P1003", `Database \`${databaseName(connectionString)}\` does not exist on the server`);
    }
    if (error.code === "42P04") throw new EngineError("P1009", `Database \`${databaseName(connectionString)}\` already exists`);
    if (error instanceof EngineError) throw error;
    throw new EngineError("P1001", `Can't reach database server at ${new URL(connectionString).host}: ${error.message}`);
  } finally {
    await client.end().catch(() => {});
  }
}

// Prisma-only URL parameters that node-postgres must not see.
function pgConnectionString(url) {
  const u = new URL(url);
  for (const key of ["schema", "connection_limit", "pool_timeout", "pgbouncer"]) u.searchParams.delete(key);
  return u.toString();
}

function maintenanceUrl(url) {
  const u = new URL(pgConnectionString(url));
  u.pathname = "/postgres";
  return u.toString();
}

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, "")) || "postgres";
}

function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

export function redact(url) {
  return String(url).replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}
