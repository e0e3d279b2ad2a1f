import path from "node:path";
import { z } from "zod";

// Shared by the server (env.server.ts) and by CLI scripts (seed, media generation),
// which cannot import "server-only" modules.
export const ZEnv = z.object({
  DATABASE_URL: z
    .string()
    .default("file:./data/lectern.db")
    .refine((u) => /^(file:|postgres(ql)?:\/\/)/.test(u), {
      message: "must be a file: URL (SQLite) or a postgresql:// URL",
    }),
  MEDIA_ROOT: z.string().default("./media"),
  CONTENT_ROOT: z.string().default("./content"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});
export type TEnv = z.infer<typeof ZEnv>;

export function loadEnv(source: Record<string, string | undefined>): TEnv {
  const parsed = ZEnv.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return {
    ...parsed.data,
    MEDIA_ROOT: path.resolve(parsed.data.MEDIA_ROOT),
    CONTENT_ROOT: path.resolve(parsed.data.CONTENT_ROOT),
  };
}

export function databaseProvider(url: string): "sqlite" | "postgres" {
  return /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";
}

/** `file:./data/x.db` → absolute path (relative to the working directory). */
export function sqlitePath(url: string): string {
  return path.resolve(url.replace(/^file:/, ""));
}
