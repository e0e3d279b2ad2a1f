import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROUTE_HANDLER_METHODS, routeKindOf } from "./route-methods";

const appDir = path.resolve(__dirname, "../../app");

/** Every app/**\/route.ts with the HTTP methods it exports, read from the source. */
function routeFiles(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = fs.readFileSync(full, "utf8");
        const methods = new Set<string>();
        for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)) methods.add(m[1]!);
        for (const m of source.matchAll(/export\s+const\s+\{([^}]*)\}/g))
          for (const name of m[1]!.split(",").map((s) => s.trim()))
            if (/^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/.test(name)) methods.add(name);
        const route = "/" + path.relative(appDir, dir).split(path.sep).join("/");
        out[route] = [...methods].sort();
      }
    }
  };
  walk(appDir);
  return out;
}

describe("ROUTE_HANDLER_METHODS", () => {
  it("lists every route handler in app/ with exactly the methods it exports", () => {
    const table = Object.fromEntries(Object.entries(ROUTE_HANDLER_METHODS).map(([r, m]) => [r, [...m].sort()]));
    expect(table).toEqual(routeFiles());
  });
});

describe("routeKindOf", () => {
  it("finds route handlers by their dynamic segments, with HEAD and OPTIONS that Next adds", () => {
    expect(routeKindOf("/api/courses/x/toc")).toMatchObject({ kind: "handler", methods: ["GET", "OPTIONS", "HEAD"] });
    expect(routeKindOf("/media/c/s/t/a/b.ts")).toMatchObject({ kind: "handler", route: "/media/[course]/[segment]/[token]/[...file]" });
    expect(routeKindOf("/api/progress")).toMatchObject({ kind: "handler", methods: ["POST", "OPTIONS"] });
  });

  it("treats every other path as a page", () => {
    expect(routeKindOf("/courses/x")).toEqual({ kind: "page", methods: ["GET", "HEAD", "POST", "OPTIONS"] });
    expect(routeKindOf("/media/too/short")).toMatchObject({ kind: "page" });
  });
});
