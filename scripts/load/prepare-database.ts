import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

const root = path.resolve(__dirname, "../..");

export type TLoadDatabase = { provider: "sqlite" | "postgres"; url: string; drop(): Promise<void> };

/**
 * A fresh database for one run, made the way scripts/test.sh makes the e2e one: the real
 * `prisma migrate deploy` and `prisma db seed` (the sample courses from content/, media cached).
 * SQLite: data/load-<id>.db; PostgreSQL: a new database lectern_load_<id> on the server `serverUrl`.
 */
export async function prepareDatabase(provider: "sqlite" | "postgres", serverUrl?: string): Promise<TLoadDatabase> {
  const id = crypto.randomBytes(4).toString("hex");
  let url: string;
  let drop: () => Promise<void>;
  if (provider === "sqlite") {
    const file = path.join(root, "data", `load-${id}.db`);
    url = `file:${file}`;
    drop = async () => {
      for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
    };
  } else {
    if (!serverUrl) throw new Error("a PostgreSQL run needs the server's URL");
    const u = new URL(serverUrl);
    u.pathname = `/lectern_load_${id}`;
    url = u.toString();
    drop = async () => {
      const admin = new URL(serverUrl);
      admin.pathname = "/postgres";
      const client = new pg.Client({ connectionString: admin.toString() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "lectern_load_${id}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    };
  }
  await prisma(["migrate", "deploy"], url);
  await prisma(["db", "seed"], url);
  return { provider, url, drop };
}

function prisma(args: string[], databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      path.join(root, "node_modules/.bin/prisma"),
      args,
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`prisma ${args.join(" ")} failed:\n${stdout}${stderr}`));
        else resolve();
      },
    );
  });
}
