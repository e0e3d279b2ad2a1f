import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/lectern.db";
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";

// Prisma's native schema engine can't be downloaded here: the CLI runs our bridge to the
// WASM schema engine instead (docs/decisions/001-prisma-offline-and-two-providers.md).
// `??=` leaves an explicitly set engine (e.g. a real binary) alone.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(__dirname, "prisma/schema-engine/main.mjs");

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations`, seed: "tsx prisma/seed.ts" },
  datasource: { url },
});
