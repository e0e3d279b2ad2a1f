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
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: file }) });
}
