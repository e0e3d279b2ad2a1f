#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which can't be downloaded here.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at this file. It speaks the binary's
// command-line protocol to the Prisma CLI and hands the work to the WASM schema engine.
// The protocol is internal to Prisma: prisma/migrations.integration.test.ts is what tells
// us when an upgrade breaks it. See docs/decisions/001-prisma-offline-and-two-providers.md.
import fs from "node:fs";
import readline from "node:readline";
import { EngineError, providerOf, redact, resetSqlite, runCliCommand } from "./databases.mjs";
import { createWasmEngine, wasmPackageVersion } from "./wasm-engine.mjs";

// `prisma migrate dev` needs a shadow database the WASM engine can't create safely (on
// PostgreSQL the pg adapter would use the main database as the shadow one).
const REFUSED = new Set(["devDiagnostic", "createMigration", "evaluateDataLoss"]);
const REFUSAL =
  "`prisma migrate dev` is not supported by Lectern's offline schema engine.\n" +
  "Create a migration with `npm run db:new-migration -- <name>`, then apply it with `npx prisma migrate deploy`.\n" +
  "See docs/decisions/001-prisma-offline-and-two-providers.md.";
// The CLI still uses the native engine's old name for this method.
const RENAMED = { getDatabaseVersion: "version" };

const args = parseArgs(process.argv.slice(2));
// LECTERN_SCHEMA_ENGINE_DEBUG=<file>: append a trace there (the CLI swallows our stderr).
const debugFile = process.env.LECTERN_SCHEMA_ENGINE_DEBUG;
const debug = (line) => debugFile && fs.appendFileSync(debugFile, `[schema-engine ${process.pid}] ${line}\n`);

if (args.version) {
  process.stdout.write(`schema-engine-cli ${wasmPackageVersion()}\n`);
} else if (args.cli) {
  await oneShot(args.cli, args.datasource?.url);
} else {
  await serve();
}

async function oneShot(command, url) {
  try {
    if (!url) throw new EngineError("P1012", "No datasource URL given (set DATABASE_URL)");
    await runCliCommand(command, url);
  } catch (error) {
    // The CLI skips the first stderr line, then parses each remaining line as a JSON log record.
    const fields = { error_code: error.code ?? "P1000", message: redact(error.message) };
    process.stderr.write("lectern schema-engine bridge\n" + JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields }));
    process.exitCode = 1;
  }
}

async function serve() {
  const datasourceUrl = args.datasource?.url ?? "file:./data/lectern.db";
  let enginePromise;
  const engine = (withDatabase) =>
    (enginePromise ??= createWasmEngine({
      url: datasourceUrl,
      offline: !withDatabase,
      datamodelPaths: args.datamodels,
      log: (line) => debug(`log ${line}`),
    }));
  const pendingPrints = new Map();
  let nextPrintId = 1_000_000;
  const send = (message) => process.stdout.write(JSON.stringify(message) + "\n");
  // The native engine hands printable output (`migrate diff`) to the CLI as a `print` request.
  const print = (content) =>
    new Promise((resolve) => {
      const id = nextPrintId++;
      pendingPrints.set(id, resolve);
      send({ jsonrpc: "2.0", id, method: "print", params: { content } });
    });

  const inFlight = new Set();
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (!message.method) return pendingPrints.get(message.id)?.(), pendingPrints.delete(message.id);
    const work = handle(message).finally(() => inFlight.delete(work));
    inFlight.add(work);
  });
  lines.on("close", async () => {
    await Promise.allSettled([...inFlight]);
    process.exit(0);
  });

  async function handle({ id, method, params }) {
    debug(`-> ${method} ${JSON.stringify(params)?.slice(0, 300)}`);
    try {
      if (REFUSED.has(method)) throw new EngineError("P3000", REFUSAL);
      const name = RENAMED[method] ?? method;
      const wasm = await engine(needsDatabase(method, params));
      if (!wasm.has(name)) throw new EngineError("P1000", `Method not supported by the WASM schema engine: ${method}`);
      if (method === "reset" && providerOf(datasourceUrl) === "sqlite") resetSqlite(datasourceUrl);
      let result = await wasm.call(name, params ?? {});
      if (method === "diff" && result?.stdout != null) {
        await print(result.stdout);
        result = { exitCode: result.exitCode };
      }
      send({ jsonrpc: "2.0", id, result: result ?? null });
    } catch (error) {
      send({ jsonrpc: "2.0", id, error: toRpcError(error) });
    }
  }
}

// `migrate diff` between schemas/empty must not touch (or, for SQLite, create) the database.
function needsDatabase(method, params) {
  if (method !== "diff") return true;
  return [params?.from?.tag, params?.to?.tag].some((tag) => !["empty", "schemaDatamodel"].includes(tag));
}

function toRpcError(error) {
  // WASM engine errors arrive as objects or JSON strings with `message`/`error_code`.
  let detail = error;
  if (typeof error === "string") {
    try { detail = JSON.parse(error); } catch { detail = { message: error }; }
  }
  const message = redact(detail?.message ?? String(error));
  const errorCode = detail?.error_code ?? detail?.code;
  debug(`error ${JSON.stringify(detail)}`);
  return {
    code: 4466,
    message: "An error happened. Check the data field for details.",
    data: { is_panic: false, message, ...(typeof errorCode === "string" && /^P\d+/.test(errorCode) ? { error_code: errorCode } : {}), meta: detail?.meta },
  };
}

function parseArgs(argv) {
  const out = { datamodels: [], datasource: undefined, version: false, cli: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") out.version = true;
    else if (arg === "--datamodels") out.datamodels.push(argv[++i]);
    else if (arg === "--datasource") out.datasource = JSON.parse(argv[++i]);
    else if (arg === "cli") out.cli = argv[++i];
    else if (arg.startsWith("--")) i++; // --enabled-preview-features, --extension-types: not needed here
  }
  return out;
}
