#!/usr/bin/env node
// `next build` only when what it builds from changed since the last successful build, and never
// leave a broken .next behind: the previous build is set aside and restored when a build fails.
// Usage: node scripts/build-if-changed.mjs [--force]
import { execFileSync, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
process.chdir(root);
const STAMP = ".next/lectern-build-inputs.sha256";
const PREVIOUS = ".next.previous";

// Everything `next build` reads: sources, configuration, the lock file and the Prisma schema
// the generated clients come from. Listed through git so ignored output (media/, data/) and
// untracked junk never count, while uncommitted edits to tracked files do.
const INPUTS = [
  "app", "components", "lib", "public", "prisma/models.prisma",
  "next.config.js", "tsconfig.json", "package-lock.json", "instrumentation.ts", "proxy.ts",
];

function inputsHash() {
  const listed = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "--", ...INPUTS], { encoding: "utf8" });
  const hash = crypto.createHash("sha256");
  for (const file of listed.split("\n").filter(Boolean).sort()) {
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) continue;
    hash.update(file).update("\0").update(fs.readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

const force = process.argv.includes("--force");
const wanted = inputsHash();
const built = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, "utf8").trim() : null;
if (!force && built === wanted && fs.existsSync(".next/BUILD_ID")) {
  console.log("The production build is up to date (no source changed since the last build); skipping next build.");
  process.exit(0);
}

fs.rmSync(PREVIOUS, { recursive: true, force: true });
if (fs.existsSync(".next/BUILD_ID")) fs.renameSync(".next", PREVIOUS);
else fs.rmSync(".next", { recursive: true, force: true });

const result = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: process.env });
if (result.status !== 0) {
  fs.rmSync(".next", { recursive: true, force: true });
  if (fs.existsSync(PREVIOUS)) {
    fs.renameSync(PREVIOUS, ".next");
    console.error("next build failed: the previous build was kept in .next and still runs.");
  } else {
    console.error("next build failed.");
  }
  process.exit(result.status ?? 1);
}
fs.rmSync(PREVIOUS, { recursive: true, force: true });
fs.writeFileSync(STAMP, `${wanted}\n`);
