// Lectern's replacement for `prisma migrate dev` (which the offline WASM schema engine can't
// run; docs/decisions/001-prisma-offline-and-two-providers.md).
//
//   npm run db:new-migration -- <name>
//   npm run db:new-migration -- --check   # CI: exit 1 if models.prisma has unmigrated changes
//
// For each provider (sqlite, postgres) it replays the committed migrations into a throw-away
// database with the real `prisma migrate deploy`, diffs that database against the current
// prisma/models.prisma with `prisma migrate diff`, and writes the SQL to a new folder
// prisma/<provider>/migrations/<UTC timestamp>_<name>/migration.sql. Both providers get the
// same folder name, so they keep the same history. Diffing against the replayed migrations
// (not a saved schema snapshot) means hand-edited migration SQL is taken into account.
// Prints "no changes" and writes nothing when the models match the migrations.
//
// PostgreSQL: uses the server at $LECTERN_POSTGRES_URL if set, otherwise the one from
// scripts/postgres.sh (started, and stopped again afterwards, if it isn't running).
import { execFile, execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(__dirname, "..");
const prismaBin = path.join(root, "node_modules/.bin/prisma");
const providers = ["sqlite", "postgres"] as const;
type Provider = (typeof providers)[number];
const lockProvider: Record<Provider, string> = { sqlite: "sqlite", postgres: "postgresql" };

function prisma(args: string[], databaseUrl: string): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: databaseUrl };
    execFile(prismaBin, args, { cwd: root, env, encoding: "utf8" }, (error, stdout, stderr) => {
      const code = error && typeof error.code === "number" ? error.code : error ? 1 : 0;
      resolve({ status: code, stdout, stderr: stderr || (error && !stdout ? String(error.message) : stderr) });
    });
  });
}

async function prismaOrThrow(args: string[], databaseUrl: string): Promise<string> {
  const result = await prisma(args, databaseUrl);
  if (result.status !== 0) throw new Error(`prisma ${args.join(" ")} failed:\n${result.stderr}${result.stdout}`);
  return result.stdout;
}

/** A fresh, empty database of the provider, and how to get rid of it. */
async function scratchDatabase(provider: Provider, postgresUrl: () => Promise<string>) {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-new-migration-"));
    return { url: `file:${path.join(dir, "scratch.db")}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const server = new URL(await postgresUrl());
  const name = `lectern_new_migration_${process.pid}_${Date.now()}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  // `migrate deploy` creates the database; we only drop it.
  const drop = async () => {
    const admin = new URL(server);
    admin.pathname = "/postgres";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
  return { url: url.toString(), drop };
}

/** The SQL that brings the committed migrations to the current models, or null if none. */
async function pendingSql(provider: Provider, postgresUrl: () => Promise<string>): Promise<string | null> {
  const scratch = await scratchDatabase(provider, postgresUrl);
  try {
    await prismaOrThrow(["migrate", "deploy"], scratch.url);
    const diff = await prisma(
      ["migrate", "diff", "--from-config-datasource", "--to-schema", `prisma/${provider}`, "--script", "--exit-code"],
      scratch.url,
    );
    if (diff.status === 0) return null;
    if (diff.status !== 2) throw new Error(`prisma migrate diff failed for ${provider}:\n${diff.stderr}${diff.stdout}`);
    return diff.stdout.replace(/^Loaded Prisma config from .*\n+/m, "").trimEnd() + "\n";
  } finally {
    await scratch.drop();
  }
}

function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, "").slice(0, 14);
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function main() {
  const check = process.argv[2] === "--check";
  const rawName = process.argv[2];
  if (!rawName) {
    console.error("usage: npm run db:new-migration -- <name>   (e.g. add_coupons)\n       npm run db:new-migration -- --check");
    process.exit(2);
  }
  const name = rawName.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!check && (rawName.startsWith("-") || !name)) {
    console.error(`invalid migration name: ${rawName}`);
    process.exit(2);
  }

  let startedPostgres = false;
  let serverUrl: string | undefined;
  const postgresUrl = async () => {
    if (serverUrl) return serverUrl;
    const postgresScript = path.join(root, "scripts/postgres.sh");
    serverUrl = process.env.LECTERN_POSTGRES_URL ?? execFileSync("bash", [postgresScript, "url"], { encoding: "utf8" }).trim();
    if (!process.env.LECTERN_POSTGRES_URL && !(await canConnect(serverUrl))) {
      execFileSync("bash", [postgresScript, "start"], { stdio: "inherit" });
      startedPostgres = true;
    }
    return serverUrl;
  };

  try {
    await postgresUrl(); // start the server before the providers run in parallel
    const [sqlite, postgres] = await Promise.all([pendingSql("sqlite", postgresUrl), pendingSql("postgres", postgresUrl)]);
    const sql: Record<Provider, string | null> = { sqlite, postgres };

    if (!sql.sqlite && !sql.postgres) {
      console.log("no changes: prisma/models.prisma matches the migrations of both providers");
      return;
    }
    if (check) {
      for (const provider of providers) if (sql[provider]) console.log(`-- ${provider}: unmigrated changes\n${sql[provider]}`);
      console.error("prisma/models.prisma has changes without a migration: run `npm run db:new-migration -- <name>`");
      process.exitCode = 1;
      return;
    }
    const folder = `${timestamp()}_${name}`;
    for (const provider of providers) {
      const dir = path.join(root, "prisma", provider, "migrations");
      fs.mkdirSync(path.join(dir, folder), { recursive: true });
      // A provider without changes still gets the folder, so both histories stay the same.
      fs.writeFileSync(path.join(dir, folder, "migration.sql"), sql[provider] ?? "-- No changes for this provider.\n");
      const lock = path.join(dir, "migration_lock.toml");
      if (!fs.existsSync(lock)) {
        fs.writeFileSync(
          lock,
          `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${lockProvider[provider]}"\n`,
        );
      }
      console.log(`created prisma/${provider}/migrations/${folder}/migration.sql`);
    }

    // A generated client is tied to one provider: generate each with a URL of its kind.
    await prismaOrThrow(["generate"], "file:./data/lectern.db");
    await prismaOrThrow(["generate"], serverUrl ?? "postgresql://localhost/lectern");
    console.log("regenerated lib/generated/sqlite and lib/generated/postgres");
    console.log("review the SQL, then apply it with `npx prisma migrate deploy`");
  } finally {
    if (startedPostgres) execFileSync("bash", [path.join(root, "scripts/postgres.sh"), "stop"], { stdio: "inherit" });
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
