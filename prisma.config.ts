import path from "node:path";
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/lectern.db";
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";

// TEMPORARY dummy engine for `prisma generate` only (replaced by the WASM bridge).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(process.cwd(), "prisma/schema-engine/dummy.sh");

export default defineConfig({
  schema: `prisma/${provider}`,
  migrations: { path: `prisma/${provider}/migrations`, seed: "tsx prisma/seed.ts" },
  datasource: { url },
});
