// `npm run bench`: figures, not pass/fail. Needs a production build and the seeded
// default database (`npm run quickstart` leaves both). Prints tables to compare side by side.
import { formatLoadTable, measureLoad, type TLoadResult } from "./http-load";
import { benchIngest } from "./ingest";
import { benchMediaDelivery } from "./media-delivery";
import { measurePageJs } from "./page-weight";
import { benchPlayer } from "./player";
import { startAppServer } from "./server";
import { measureTokenVerification } from "./token-verify";

const COURSE = "enterprise-software-with-python";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = [1, 16, 64];

/** `npm run bench -- --only ingest` runs only the ingest rows (no build or server needed). */
function only(): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf("--only");
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
}

/** BENCH_INGEST_SECONDS: source lengths in seconds, comma-separated (e.g. `30,120`). */
function ingestSeconds(raw: string): number[] {
  const list = raw.split(",").map((v) => Number(v.trim()));
  if (!list.length || list.some((n) => !Number.isInteger(n) || n < 2 || n > 3600)) {
    throw new Error(`BENCH_INGEST_SECONDS must be whole seconds between 2 and 3600, comma-separated (e.g. 30,120); got "${raw}"`);
  }
  return list.sort((a, b) => a - b);
}

async function main() {
  const selected = only();
  if (selected !== undefined && selected !== "ingest") throw new Error(`--only takes "ingest", got "${selected}"`);
  const ingest = () => benchIngest({ seconds: ingestSeconds(process.env.BENCH_INGEST_SECONDS ?? "20,120") });
  if (selected === "ingest") return ingest();
  const token = measureTokenVerification();
  console.log(
    `Media token verification: ${token.microsPerCall.toFixed(2)} µs per request (${Math.round(token.perSecond).toLocaleString("en-US")}/s on one core)`,
  );
  const server = await startAppServer(Number(process.env.BENCH_PORT ?? 3200), {
    DATABASE_URL: process.env.DATABASE_URL ?? "file:./data/lectern.db",
    // The bench signs nothing itself; a throw-away secret lets the production server start.
    LECTERN_SECRET: process.env.LECTERN_SECRET ?? "bench-secret-0123456789abcdef0123456789",
  });
  try {
    const html = await (await fetch(`${server.baseUrl}/courses/${COURSE}`)).text();
    const css = html.match(/href="(\/_next\/static\/[^"]+\.css)"/)?.[1];
    if (!css) throw new Error("could not find a static CSS asset on the course page");

    console.log(`\nCourse page vs a static asset from the same server (${SECONDS} s per row)`);
    const rows: TLoadResult[] = [];
    for (const c of CONCURRENCY) {
      rows.push(await measureLoad("course page", `${server.baseUrl}/courses/${COURSE}`, c, SECONDS));
      rows.push(await measureLoad("static .css", `${server.baseUrl}${css}`, c, SECONDS));
    }
    console.log(formatLoadTable(rows));
    for (const c of CONCURRENCY) {
      const page = rows.find((r) => r.name === "course page" && r.connections === c)!;
      const asset = rows.find((r) => r.name === "static .css" && r.connections === c)!;
      console.log(`  conc ${String(c).padStart(2)}: course page at ${(page.requestsPerSecond / asset.requestsPerSecond).toFixed(2)}× the static asset's req/s`);
    }

    const weight = await measurePageJs(`${server.baseUrl}/courses/${COURSE}/overview`);
    console.log(
      `\nPlayer page JS: ${weight.scripts} scripts, ${(weight.rawBytes / 1024).toFixed(1)} KiB raw, ` +
        `${(weight.gzipBytes / 1024).toFixed(1)} KiB gzipped`,
    );
    await benchPlayer(server.baseUrl);
  } finally {
    await server.stop();
  }

  await benchMediaDelivery({
    port: Number(process.env.BENCH_PORT ?? 3200) + 10,
    databaseUrl: process.env.DATABASE_URL ?? "file:./data/lectern.db",
    seconds: Number(process.env.BENCH_MEDIA_SECONDS ?? 3),
  });
  await ingest();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
