import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "./db";

// Issue 13: the app's SQLite database runs in WAL mode (lib/db.ts) and survives the process
// being killed mid-write: after a SIGKILL the file opens, passes integrity_check, and holds
// every transaction the writer saw committed, each one whole. SQLite-only by nature, so it
// runs the same whichever provider TEST_DATABASE_URL names.

const root = path.resolve(__dirname, "..");
const writer = path.join(__dirname, "testing/sqlite-kill-writer.ts");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-wal-"));
const file = path.join(dir, `kill-${crypto.randomUUID()}.db`);
const url = `file:${file}`;
const ROWS = 40;

beforeAll(() => {
  const sqlite = new Database(file);
  sqlite.exec("CREATE TABLE kill_probe (batch INTEGER NOT NULL, n INTEGER NOT NULL, pad TEXT NOT NULL)");
  sqlite.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Starts the writer at `first`, SIGKILLs it once it has reported `commits` commits; returns the last one it reported. */
function writeThenKill(first: number, commits: number): Promise<number> {
  return new Promise((resolve, reject) => {
    // The writer runs in this very process (node + tsx's loader), not under the `tsx` CLI, which
    // forks a second node: SIGKILL would hit only the CLI and the writer would exit on its own,
    // closing the database cleanly — the opposite of what is tested here.
    const child = spawn(process.execPath, ["--import", "tsx", writer, url, String(first), String(ROWS)], {
      cwd: root,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let lastCommitted = -1;
    let seen = 0;
    let buffered = "";
    let stderr = "";
    let killed = false;
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.stdout.on("data", (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) {
        const m = /^committed (\d+)$/.exec(line);
        if (!m) continue;
        lastCommitted = Number(m[1]);
        if (++seen >= commits && !killed) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    });
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(lastCommitted);
      else reject(new Error(`writer exited by itself (${code}) before it was killed:\n${stderr}`));
    });
  });
}

describe("SQLite as the app opens it", () => {
  it("is in WAL mode, so readers don't block the writer and a crash leaves a log to replay", async () => {
    const db = createDb(url);
    try {
      const [row] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(row?.journal_mode).toBe("wal");
    } finally {
      await db.$disconnect();
    }
  });

  it("keeps every committed transaction, whole, through three SIGKILLs mid-write", async () => {
    let next = 0;
    const reported: number[] = [];
    for (let round = 0; round < 3; round++) {
      const last = await writeThenKill(next, 15 + round * 10);
      expect(last).toBeGreaterThanOrEqual(next);
      // The kill left the log behind: the next open must recover from it.
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
      reported.push(last);
      next = last + 1_000; // a gap, so a batch of one round can't pass for another's
    }

    const sqlite = new Database(file);
    try {
      expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
      const batches = sqlite
        .prepare("SELECT batch, COUNT(*) AS rows, COUNT(DISTINCT n) AS distinct_n FROM kill_probe GROUP BY batch ORDER BY batch")
        .all() as { batch: number; rows: number; distinct_n: number }[];
      // Atomic: a batch is all there or not there at all.
      for (const b of batches) expect(b, `batch ${b.batch}`).toMatchObject({ rows: ROWS, distinct_n: ROWS });
      // Durable: every batch the writer saw committed is there.
      const present = new Set(batches.map((b) => b.batch));
      let first = 0;
      for (const last of reported) {
        for (let b = first; b <= last; b++) expect(present.has(b), `committed batch ${b}`).toBe(true);
        first = last + 1_000;
      }
    } finally {
      sqlite.close();
    }
  });
});
