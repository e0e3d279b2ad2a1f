// `npm run bench`: every figure of issues 12 and 13 in one report — Lectern's figure, the
// reference measured in the same run, the ratio — printed as Markdown and written to
// bench/results/<timestamp>-<db>.{json,md}. Figures, not pass/fail: a section that fails
// becomes an error row and the others still run. See README ("Benchmarks").
//
//   npm run bench                          # SQLite (a fresh seeded bench database)
//   npm run bench -- --db postgres         # PostgreSQL (scripts/postgres.sh, PGPORT_LECTERN)
//   npm run bench -- --only pages,media    # some sections only
//
// Durations are environment variables (defaults sized for < 15 min on 2 cores): see DEFAULTS.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../deploy/nginx/run-nginx";
import { prepareDatabase, type TLoadDatabase } from "../scripts/load/prepare-database";
import { benchCourseZip } from "./course-zip";
import { benchIngest } from "./ingest";
import { benchLoad } from "./load";
import { benchMediaDelivery } from "./media-delivery";
import { benchPages } from "./pages";
import { DEMO_MEMBER } from "../lib/teams/seed-demo-team";
import { benchPlayer } from "./player";
import { BenchReport, reportMarkdown } from "./report";
import { startAppServer, type TRunningServer } from "./server";
import { startTlsFront, type TTlsFront } from "./tls-front";
import { measureTokenVerification } from "./token-verify";

const root = path.resolve(__dirname, "..");
process.chdir(root);

const COURSE = "enterprise-software-with-python";
const FREE_SEGMENT = "overview";
const SECTIONS = ["token", "pages", "player", "media", "zip", "ingest", "load"] as const;
type TSection = (typeof SECTIONS)[number];

function arg(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function numberList(name: string, raw: string, min: number, max: number): number[] {
  const list = raw.split(",").map((v) => Number(v.trim()));
  if (!list.length || list.some((n) => !Number.isInteger(n) || n < min || n > max)) {
    throw new Error(`${name} takes whole numbers between ${min} and ${max}, comma-separated; got "${raw}"`);
  }
  return list;
}

function setting(name: string, fallback: string, min: number, max: number): number {
  return numberList(name, process.env[name] ?? fallback, min, max)[0]!;
}

function options() {
  const db = arg("db") ?? "sqlite";
  if (db !== "sqlite" && db !== "postgres") throw new Error(`--db takes sqlite or postgres, got "${db}"`);
  const only = arg("only");
  const sections = only ? only.split(",").map((s) => s.trim()) : [...SECTIONS];
  const unknown = sections.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length) throw new Error(`--only takes some of ${SECTIONS.join(",")}; unknown: ${unknown.join(", ")}`);
  return {
    db: db as "sqlite" | "postgres",
    sections: new Set(sections as TSection[]),
    // Seconds per measured row of the page and media tables.
    pageSeconds: setting("BENCH_SECONDS", "5", 1, 600),
    connections: numberList("BENCH_CONNECTIONS", process.env.BENCH_CONNECTIONS ?? "1,16,64,256", 1, 1024),
    mediaSeconds: setting("BENCH_MEDIA_SECONDS", "3", 1, 600),
    mediaConnections: numberList("BENCH_MEDIA_CONNECTIONS", process.env.BENCH_MEDIA_CONNECTIONS ?? "1,16,64", 1, 1024),
    playerRuns: setting("BENCH_PLAYER_RUNS", "7", 1, 100),
    lighthousePages: (process.env.BENCH_LIGHTHOUSE_PAGES ?? `/courses/${COURSE}/${FREE_SEGMENT},/courses/${COURSE},/`)
      .split(",")
      .filter(Boolean),
    lighthouseRuns: setting("BENCH_LIGHTHOUSE_RUNS", "3", 1, 20),
    ingestSeconds: numberList("BENCH_INGEST_SECONDS", process.env.BENCH_INGEST_SECONDS ?? "10", 2, 3600).sort((a, b) => a - b),
    loadViewers: setting("BENCH_LOAD_VIEWERS", "100", 2, 2000),
    loadSeconds: setting("BENCH_LOAD_SECONDS", "20", 5, 600),
  };
}

function postgres(command: "start" | "stop" | "url"): string {
  return execFileSync("scripts/postgres.sh", [command], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
}

async function main() {
  const o = options();
  const report = new BenchReport(o.db);
  const has = (s: TSection) => o.sections.has(s);
  console.log(`# npm run bench — ${o.db}, sections ${[...o.sections].join(", ")}`);
  let serverUrl: string | undefined;
  let database: TLoadDatabase | null = null;
  let app: TRunningServer | null = null;
  let sameHostApp: TRunningServer | null = null;
  let tlsFront: TTlsFront | null = null;
  let tlsFrontError: string | null = null;
  try {
    await report.section("setup", async () => {
      if (has("pages") || has("player") || has("media") || has("load")) {
        const build = spawnSync("node", ["scripts/build-if-changed.mjs"], { stdio: "inherit" });
        if (build.status !== 0) throw new Error("the production build failed");
      }
      if (o.db === "postgres") {
        postgres("start");
        serverUrl = postgres("url");
        // The ingest section's scratch databases (tests/support/test-db.ts) on the same server.
        process.env.TEST_DATABASE_URL = serverUrl;
      } else {
        process.env.TEST_DATABASE_URL = "file:./data/test-bench.db";
      }
      // Never data/lectern.db: a fresh database migrated and seeded like the e2e one.
      if (!(has("pages") || has("player") || has("media") || has("zip"))) return;
      database = await prepareDatabase(o.db, serverUrl);
      console.log(`  bench database: ${database.url.replace(/\/\/[^@]*@/, "//")}`);
    });
    const databaseUrl = (database as TLoadDatabase | null)?.url;

    if (has("token")) {
      await report.section("media token", async (add) => {
        const token = measureTokenVerification();
        add({ figure: "media token verification (HMAC-SHA256), one core", unit: "µs", better: "lower", lectern: token.microsPerCall });
      });
    }
    const needsApp = has("pages") || has("player");
    if (needsApp && databaseUrl) {
      await report.section("app start", async () => {
        const port = await freePort();
        // The bench signs nothing itself; a throw-away secret lets the production server start.
        const secret = process.env.LECTERN_SECRET ?? "bench-secret-0123456789abcdef0123456789";
        app = await startAppServer(port, {
          DATABASE_URL: databaseUrl,
          // The MP4s from a second host name of the same server (the app is on 127.0.0.1): their
          // own HTTP/1.1 connections (PLAYER_MP4_ORIGIN, ADR 008).
          PLAYER_MP4_ORIGIN: `http://localhost:${port}`,
          LECTERN_SECRET: secret,
        });
        // The same build without it, for the player's "same host" row in the same run.
        if (has("player")) sameHostApp = await startAppServer(await freePort(), { DATABASE_URL: databaseUrl, LECTERN_SECRET: secret });
        // A third instance behind nginx with TLS + HTTP/2, for the player's h2 rows (ADR 008).
        if (has("player")) {
          const mediaRoot = path.resolve(process.env.MEDIA_ROOT ?? "media");
          tlsFront = await startTlsFront({ databaseUrl, secret, mediaRoot, mp4: path.join(mediaRoot, COURSE, FREE_SEGMENT, "video.mp4") }).catch((e: Error) => {
            tlsFrontError = e.message.split("\n")[0]!;
            return null;
          });
        }
      });
    }
    const running = app as TRunningServer | null;
    if (has("pages")) {
      await report.section("pages", async (add) => {
        if (!running) throw new Error("the app did not start (see setup)");
        await benchPages(
          {
            baseUrl: running.baseUrl,
            course: COURSE,
            segment: FREE_SEGMENT,
            seconds: o.pageSeconds,
            connections: o.connections,
            // The seed's demo member (a team seat of COURSE, an assignment): lib/teams/seed-demo-team.ts.
            account: { email: DEMO_MEMBER.email, password: DEMO_MEMBER.password },
          },
          add,
        );
      });
    }
    if (has("player")) {
      await report.section("player", async (add) => {
        if (!running) throw new Error("the app did not start (see setup)");
        await benchPlayer(
          {
            baseUrl: running.baseUrl,
            sameHostBaseUrl: (sameHostApp as TRunningServer | null)?.baseUrl,
            course: COURSE,
            segment: FREE_SEGMENT,
            runs: o.playerRuns,
            lighthousePages: o.lighthousePages,
            lighthouseRuns: o.lighthouseRuns,
            ...(tlsFront ? { h2: tlsFront as TTlsFront } : {}),
          },
          add,
        );
        if (tlsFrontError) add({ figure: "time to first frame through nginx with TLS + HTTP/2", unit: "ms", better: "lower", lectern: null, error: `the TLS front did not start: ${tlsFrontError}` });
      });
    }
    await running?.stop();
    app = null;
    await (sameHostApp as TRunningServer | null)?.stop();
    sameHostApp = null;
    await (tlsFront as TTlsFront | null)?.stop();
    tlsFront = null;

    if (has("media")) {
      await report.section("media delivery", async (add) => {
        if (!databaseUrl) throw new Error("no bench database (see setup)");
        await benchMediaDelivery({ databaseUrl, seconds: o.mediaSeconds, connections: o.mediaConnections }, add);
      });
    }
    if (has("zip")) {
      await report.section("course zip", async (add) => {
        if (!databaseUrl) throw new Error("no bench database (see setup)");
        await benchCourseZip({ databaseUrl, course: COURSE }, add);
      });
    }
    if (has("ingest")) {
      await report.section("ingest", (add) => benchIngest({ seconds: o.ingestSeconds }, add));
    }
    if (has("load")) {
      await report.section("load test", (add) => benchLoad({ provider: o.db, serverUrl, viewers: o.loadViewers, seconds: o.loadSeconds }, add));
    }
  } finally {
    await (app as TRunningServer | null)?.stop();
    await (sameHostApp as TRunningServer | null)?.stop();
    await (tlsFront as TTlsFront | null)?.stop();
    await (database as TLoadDatabase | null)?.drop().catch((e: unknown) => console.error(`could not drop the bench database: ${String(e)}`));
    if (o.db === "postgres" && serverUrl) postgres("stop");
  }

  const json = report.toJson(os.loadavg(), os.cpus().length);
  const markdown = reportMarkdown(json);
  const dir = path.join(root, "bench/results");
  fs.mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `${json.startedAt.replace(/[:.]/g, "-")}-${o.db}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
  fs.writeFileSync(`${base}.md`, markdown);
  console.log(`\n${markdown}`);
  console.log(`Wrote ${path.relative(root, base)}.json and .md (${(json.wallSeconds / 60).toFixed(1)} min).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
