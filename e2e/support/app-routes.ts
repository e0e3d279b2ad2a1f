import fs from "node:fs";
import path from "node:path";

export type TAppRoute = {
  /** The folder path under app/, e.g. "/courses/[course]/[segment]". */
  template: string;
  kind: "page" | "handler";
  /** The dynamic segments in order, e.g. ["course", "segment"]; "...file" for a catch-all. */
  params: string[];
};

/**
 * Every page and route handler under app/, read from the folder tree, so a new route is covered
 * by the bad-input corpus without anyone listing it. Route groups "(x)" and private "_x"
 * folders follow Next's rules.
 */
export function appRoutes(appDir = path.resolve("app")): TAppRoute[] {
  const routes: TAppRoute[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_")) continue;
        walk(path.join(dir, entry.name), entry.name.startsWith("(") ? segments : [...segments, entry.name]);
      } else if (/^(page|route)\.(tsx?|jsx?)$/.test(entry.name)) {
        const template = "/" + segments.join("/");
        const params = segments.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1));
        routes.push({ template, kind: entry.name.startsWith("page") ? "page" : "handler", params });
      }
    }
  };
  walk(appDir, []);
  return routes.sort((a, b) => a.template.localeCompare(b.template));
}

/** The route's URL with `values` for its dynamic segments (a catch-all's value may hold "/"). */
export function fillRoute(route: TAppRoute, values: Record<string, string>): string {
  const filled = route.template.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_m, dots: string | undefined, name: string) => {
    const key = dots ? `...${name}` : name;
    const value = values[key];
    if (value === undefined) throw new Error(`no value for [${key}] in ${route.template}`);
    return value;
  });
  return filled === "" ? "/" : filled;
}
