import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "./db";

// A transaction that reads before it writes, while another process (the transcoding worker, a
// CLI import, a second instance) keeps committing: with SQLite's default deferred BEGIN the
// transaction's read pins a snapshot, the other process commits, and the first write then fails
// at once with SQLITE_BUSY_SNAPSHOT — no busy timeout helps (CI saw it as P1008 on an admin form
// and on checkout). lib/db.ts opens every transaction with BEGIN IMMEDIATE, so it waits for the
// write lock up front and can't be overtaken. SQLite-only by nature, so it runs the same whichever
// provider TEST_DATABASE_URL names.

const root = path.resolve(__dirname, "..");
const writer = path.join(__dirname, "testing/sqlite-kill-writer.ts");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-lock-"));
const file = path.join(dir, `lock-${crypto.randomUUID()}.db`);
const url = `file:${file}`;
let child: ChildProcess | undefined;

beforeAll(() => {
  const sqlite = new Database(file);
  sqlite.exec("CREATE TABLE kill_probe (batch INTEGER NOT NULL, n INTEGER NOT NULL, pad TEXT NOT NULL)");
  sqlite.exec("CREATE TABLE ledger (n INTEGER NOT NULL, seen INTEGER NOT NULL)");
  sqlite.close();
});
afterAll(() => {
  child?.kill("SIGKILL");
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Starts a process that commits small transactions in a loop; resolves once it has committed a few. */
function startBusyWriter(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--import", "tsx", writer, url, "0", "5"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let commits = 0;
    let stderr = "";
    proc.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    proc.stdout!.on("data", (d: Buffer) => {
      commits += d.toString().split("\n").filter((l) => l.startsWith("committed")).length;
      if (commits >= 3) resolve(proc);
    });
    proc.on("exit", (code) => reject(new Error(`writer exited (${code}):\n${stderr}`)));
  });
}

describe("SQLite transactions beside another writing process", () => {
  it("a read-then-write transaction is never overtaken by the other process's commits", async () => {
    child = await startBusyWriter();
    const db = createDb(url);
    const outcomes: string[] = [];
    try {
      for (let n = 0; n < 25; n++) {
        try {
          await db.$transaction(async (tx) => {
            const [row] = await tx.$queryRawUnsafe<{ c: bigint }[]>("SELECT COUNT(*) AS c FROM kill_probe");
            // Give the other process time to commit while this transaction has read.
            await new Promise((r) => setTimeout(r, 15));
            await tx.$executeRawUnsafe("INSERT INTO ledger (n, seen) VALUES (?, ?)", n, Number(row!.c));
          });
          outcomes.push("ok");
        } catch (error) {
          outcomes.push(String((error as { code?: string }).code ?? error));
        }
      }
      const [other] = await db.$queryRawUnsafe<{ c: bigint }[]>("SELECT COUNT(DISTINCT batch) AS c FROM kill_probe");
      // The other process really was writing all along, not starved or dead.
      expect(child.exitCode).toBeNull();
      expect(Number(other?.c)).toBeGreaterThan(10);
    } finally {
      await db.$disconnect();
    }
    expect(outcomes.filter((o) => o !== "ok")).toEqual([]);
  });
});
