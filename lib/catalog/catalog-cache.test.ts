import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PUBLIC_CACHE_SECONDS } from "./catalog-cache";

// Next reads a segment's `revalidate` statically, so the cached pages write the bound as a
// literal: it must stay the one the rest of the code (and ADR 011) counts on.
describe("the cached pages' revalidate", () => {
  for (const page of ["app/cached/courses/[course]/page.tsx", "app/cached/home/[audience]/page.tsx"]) {
    it(`${page} is PUBLIC_CACHE_SECONDS and force-static`, () => {
      const source = fs.readFileSync(path.resolve(page), "utf8");
      expect(source).toContain(`export const revalidate = ${PUBLIC_CACHE_SECONDS};`);
      expect(source).toContain(`export const dynamic = "force-static";`);
    });
  }
});
