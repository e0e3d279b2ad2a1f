// Rules the review of issue 8 found broken, kept as tests so they stay fixed: one slug rule,
// one MEDIA_ROOT containment check, error bodies built in one place, no system-package
// installs from library or test code, and no test that skips because something is missing.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const CODE = /\.(ts|tsx|mts|mjs)$/;

function files(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "generated" || entry.name === "node_modules") continue;
      out.push(...files(rel));
    } else if (CODE.test(entry.name)) out.push(rel);
  }
  return out;
}

const source = ["app", "components", "lib", "prisma", "deploy", "e2e", "tests"].flatMap(files);
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const offenders = (pattern: RegExp, allowed: string[] = []) =>
  source.filter((f) => !allowed.includes(f) && f !== "scripts/repo-rules.test.ts" && pattern.test(read(f)));

describe("one rule, one place", () => {
  it("the slug pattern is written only in lib/catalog/slug.ts", () => {
    expect(offenders(/\[a-z0-9\]\+\(\?:-\[a-z0-9\]\+\)\*|\[a-z0-9\]\[a-z0-9-\]/, ["lib/catalog/slug.ts"])).toEqual([]);
  });

  it("'stays inside MEDIA_ROOT' is decided only by lib/media/resolve-inside.ts", () => {
    expect(offenders(/\.startsWith\([^)]*path\.sep\)/, ["lib/media/resolve-inside.ts"])).toEqual([]);
  });

  it("error bodies ({ error: { code … } }) are built only in lib/http/error-response.ts", () => {
    const code = source.filter((f) => !/\.test\.tsx?$/.test(f) && !f.startsWith("e2e/") && !f.startsWith("tests/"));
    const bad = code.filter(
      (f) => f !== "lib/http/error-response.ts" && /Response\.json\(\s*\{\s*error\s*:/.test(read(f)),
    );
    expect(bad).toEqual([]);
  });
});

describe("system packages and skips", () => {
  it("no library, app or test code runs apt-get or ensure-packages.sh (scripts/ install them)", () => {
    expect(offenders(/["'`]apt-get["'`]|ensure-packages\.sh["'`,\]]/)).toEqual([]);
  });

  it("no test skips itself when something is missing (a missing package fails the run)", () => {
    const tests = source.filter((f) => /\.(test|spec)\.tsx?$/.test(f));
    expect(tests.filter((f) => /\b(describe|it|test)\.skip(If)?\(|\btest\.skip\(/.test(read(f)))).toEqual([]);
  });

  it("no test asserts on wall-clock time (that is bench/)", () => {
    const tests = source.filter((f) => /\.(test|spec)\.tsx?$/.test(f));
    expect(tests.filter((f) => /expect\(\s*(Date\.now\(\)|performance\.now\(\))/.test(read(f)))).toEqual([]);
  });

  it("no test returns early when a tool is missing (xAvailable guards)", () => {
    const tests = source.filter((f) => /\.(test|spec)\.tsx?$/.test(f));
    expect(tests.filter((f) => /if \(!\w*(Available|Installed)\w*\)\s*return\b/.test(read(f)))).toEqual([]);
  });
});
