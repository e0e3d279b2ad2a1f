// Loads Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm,
// pinned exactly in package.json) and binds it to a driver adapter. The package's entry
// point imports the .wasm file as an ES module, which Node 20 can't do without a flag, so
// we instantiate it ourselves with the package's generated JS glue.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, mockMigrationAwareAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import { adapterFactory, providerOf } from "./databases.mjs";

const packageDir = path.dirname(fileURLToPath(import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg")));

/** The engine's version, read without compiling the WebAssembly (fast `--version`). */
export function wasmPackageVersion() {
  return JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")).version;
}

let instantiated = false;

async function instantiate() {
  if (instantiated) return;
  const bytes = fs.readFileSync(path.join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  instantiated = true;
}

/**
 * `offline`: the work never touches a database (a diff between schemas). On SQLite we then
 * use Prisma's mock adapter so no database file gets created. PostgreSQL's engine queries
 * the server even then (the mock answers "Not implemented: queryRaw"), so it needs one.
 * @param {{ url: string, offline: boolean, datamodelPaths: string[], log: (line: string) => void }} options
 * @returns {Promise<{ has(method: string): boolean, call(method: string, params: unknown): Promise<any> }>}
 */
export async function createWasmEngine({ url, offline, datamodelPaths, log }) {
  await instantiate();
  const datamodels = datamodelPaths.map((file) => [file, fs.readFileSync(file, "utf8")]);
  const factory = offline && providerOf(url) === "sqlite" ? mockMigrationAwareAdapterFactory("sqlite") : adapterFactory(url);
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const explained = (promise) => promise.catch((error) => { throw explainExternalError(error, adapter.errorRegistry); });
  const engine = await explained(glue.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, log, adapter));
  return {
    has: (method) => typeof engine[method] === "function" && method !== "free",
    call: (method, params) => explained(Promise.resolve().then(() => engine[method](params))),
  };
}

// The engine reports driver failures as "External error id#N"; the adapter's error registry
// holds the original error (e.g. "database does not exist") under that id.
function explainExternalError(error, registry) {
  const message = typeof error === "string" ? error : error?.message;
  const match = /External error id#(\d+)/.exec(message ?? "");
  const cause = match && registry.consumeError(Number(match[1]))?.error;
  if (!cause) return error;
  const text = cause.message ?? cause.cause ?? cause.originalMessage ?? JSON.stringify(cause);
  const explained = new Error(`${cause.kind ? `${cause.kind}: ` : ""}${text}`);
  if (typeof cause.originalCode === "string" && /^P\d+/.test(cause.originalCode)) explained.code = cause.originalCode;
  return explained;
}
