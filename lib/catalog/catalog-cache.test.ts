import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_CACHE_SECONDS, SHARED_PAGE_MAX_AGE_SECONDS } from "./catalog-cache";
import { SNAPSHOT_SECONDS } from "../http/page-snapshots";

// Next reads a segment's `revalidate` statically, so the cached pages write the bound as a
// literal: it must stay the one the rest of the code (and ADR 011) counts on.
describe("the cached pages' revalidate", () => {
  for (const page of [
    "app/cached/courses/[course]/page.tsx",
    "app/cached/home/[audience]/page.tsx",
    "app/cached/watch/[course]/[segment]/[start]/page.tsx",
  ]) {
    it(`${page} is PUBLIC_CACHE_SECONDS and force-static`, () => {
      const source = fs.readFileSync(path.resolve(page), "utf8");
      expect(source).toContain(`export const revalidate = ${PUBLIC_CACHE_SECONDS};`);
      expect(source).toContain(`export const dynamic = "force-static";`);
    });
  }
});

// The shared watch page signs its media URLs SHARED_PAGE_MAX_AGE_SECONDS ahead (ADR 019): that
// must be the oldest a shared page is ever sent, Next's stale copy and Node's copy included.
describe("the oldest a shared page is sent", () => {
  it("covers Node's copy of a fresh answer and is Next's expireTime (its stale copies)", () => {
    expect(SHARED_PAGE_MAX_AGE_SECONDS).toBe(PUBLIC_CACHE_SECONDS + SNAPSHOT_SECONDS);
    const config = fs.readFileSync(path.resolve("next.config.js"), "utf8");
    expect(config).toContain(`expireTime: ${SHARED_PAGE_MAX_AGE_SECONDS},`);
  });
});
