// The committed migrations, applied by the real Prisma CLI through our schema-engine bridge
// (prisma/schema-engine, docs/decisions/001-prisma-offline-and-two-providers.md), from an
// empty database of the provider in TEST_DATABASE_URL. This is the test that fails when a
// Prisma upgrade changes the engine protocol the bridge relies on.
//   TEST_DATABASE_URL=file:./data/test.db npx vitest run --project integration prisma/
//   TEST_DATABASE_URL=$(scripts/postgres.sh url) npx vitest run --project integration prisma/
import { execFile } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../lib/db";
import { createTestDatabase, dropDatabase, runPrisma, testDatabaseUrl, testProvider } from "../tests/support/test-db";

const root = path.resolve(__dirname, "..");
const provider = testProvider();

function emptyDatabaseUrl(): string {
  const suffix = crypto.randomBytes(6).toString("hex");
  if (provider === "sqlite") return `file:${path.join(os.tmpdir(), `lectern-migrations-test-${suffix}.db`)}`;
  const url = new URL(testDatabaseUrl());
  url.pathname = `/lectern_migrations_test_${suffix}`;
  return url.toString();
}

function migrationNames(p: "sqlite" | "postgres"): string[] {
  const dir = path.join(root, "prisma", p, "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe(`migrations on ${provider}`, () => {
  const url = emptyDatabaseUrl();
  afterAll(() => dropDatabase(url));

  it("migrate deploy applies every committed migration to an empty database", async () => {
    const deploy = await runPrisma(["migrate", "deploy"], url);
    expect(deploy.output).toContain("All migrations have been successfully applied");
    expect(deploy.code).toBe(0);
    for (const name of migrationNames(provider)) expect(deploy.output).toContain(name);

    const status = await runPrisma(["migrate", "status"], url);
    expect(status.output).toContain("Database schema is up to date");
    expect(status.code).toBe(0);

    // Every model's table exists and matches the generated client.
    const db = createDb(url);
    try {
      const counts = await Promise.all([
        db.course.count(),
        db.courseAuthor.count(),
        db.part.count(),
        db.segment.count(),
        db.mediaAsset.count(),
      ]);
      expect(counts).toEqual([0, 0, 0, 0, 0]);
    } finally {
      await db.$disconnect();
    }
  });

  it("createTestDatabase gives each caller its own migrated database", async () => {
    const [a, b] = [await createTestDatabase(), await createTestDatabase()];
    try {
      await a.db.course.create({ data: { id: "c1", slug: "one", title: "One" } });
      expect(await a.db.course.count()).toBe(1);
      expect(await b.db.course.count()).toBe(0);
      expect(a.url).not.toBe(b.url);
    } finally {
      await Promise.all([a.cleanup(), b.cleanup()]);
    }
  });
});

describe("migration history", () => {
  it("SQLite and PostgreSQL have the same migrations, each with SQL and a lock file", () => {
    const sqlite = migrationNames("sqlite");
    expect(sqlite.length).toBeGreaterThan(0);
    expect(migrationNames("postgres")).toEqual(sqlite);
    for (const p of ["sqlite", "postgres"] as const) {
      const dir = path.join(root, "prisma", p, "migrations");
      for (const name of sqlite) expect(fs.existsSync(path.join(dir, name, "migration.sql"))).toBe(true);
      const lock = fs.readFileSync(path.join(dir, "migration_lock.toml"), "utf8");
      expect(lock).toContain(`provider = "${p === "postgres" ? "postgresql" : "sqlite"}"`);
    }
  });

  // Needs a PostgreSQL server, so it runs in the PostgreSQL pass (it checks both providers).
  it.runIf(provider === "postgres")("models.prisma has no changes without a migration", async () => {
    const server = testDatabaseUrl();
    const result = await new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        path.join(root, "node_modules/.bin/tsx"),
        ["scripts/new-migration.ts", "--check"],
        { cwd: root, env: { ...process.env, LECTERN_POSTGRES_URL: server } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
      );
    });
    expect(result.output).toContain("no changes");
    expect(result.code).toBe(0);
  });
});
