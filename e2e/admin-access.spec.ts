import fs from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signUp } from "./support/admin-accounts";
import { appRoutes, fillRoute } from "./support/app-routes";

// Issue 9: every admin page, action and API answers 401 to an anonymous visitor and 403 to a
// learner — on the server, not by hiding links. Pages and handlers are read from the folder
// tree and actions from the build's server-reference manifest (checked against the "use server"
// files under app/admin), so a new one is covered without anyone listing it.

const ADMIN_PREFIXES = ["/admin", "/api/admin"];
const isAdminPath = (template: string) => ADMIN_PREFIXES.some((p) => template === p || template.startsWith(`${p}/`));
const routes = appRoutes().filter((r) => isAdminPath(r.template));
const pages = routes.filter((r) => r.kind === "page");
const handlers = routes.filter((r) => r.kind === "handler");
const placeholder = (route: (typeof routes)[number]) =>
  fillRoute(route, Object.fromEntries(route.params.map((p) => [p, p.startsWith("...") ? "x/y" : "x"])));

/** The HTTP methods a route.ts exports (`export async function GET`, `export const POST =`, `export { h as PATCH }`). */
function handlerMethods(template: string): string[] {
  const dir = path.resolve("app", `.${template}`);
  const file = fs.readdirSync(dir).find((f) => /^route\.(tsx?|jsx?)$/.test(f))!;
  const source = fs.readFileSync(path.join(dir, file), "utf8");
  const methods = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)) methods.add(m[1]!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of m[1]!.matchAll(/\b(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\b/g)) methods.add(name[1]!);
  }
  return [...methods];
}

type TManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };

/** Every server action defined under app/admin, with a page that can receive it. */
function adminActions() {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, TManifestEntry>;
  };
  return Object.entries(manifest.node)
    .filter(([, entry]) => entry.filename?.startsWith("app/admin/"))
    .map(([id, entry]) => {
      const worker = Object.keys(entry.workers).find((w) => w.startsWith("app/admin"))!;
      const template = worker.replace(/^app/, "").replace(/\/page$/, "") || "/";
      const pagePath = template.replace(/\[\.\.\.[^\]]+\]/g, "x/y").replace(/\[[^\]]+\]/g, "x");
      return { id, name: `${entry.filename}#${entry.exportedName}`, pagePath };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `export async function xAction` in every "use server" file under app/admin. */
function declaredActions(): string[] {
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx?|jsx?)$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        if (!/^\s*["']use server["']/.test(source)) continue;
        for (const m of source.matchAll(/export\s+async\s+function\s+(\w+)/g)) names.push(`${path.relative(process.cwd(), full)}#${m[1]}`);
      }
    }
  };
  walk(path.resolve("app/admin"));
  return names.sort();
}

let anonymous: APIRequestContext;
let learner: APIRequestContext;
let admin: APIRequestContext;

test.beforeAll(async ({ baseURL }) => {
  anonymous = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  learner = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  admin = await playwrightRequest.newContext({ baseURL, maxRedirects: 0 });
  await signUp(learner, baseURL!, "learner");
  await signUp(admin, baseURL!, "admin");
});
test.afterAll(async () => {
  await Promise.all([anonymous?.dispose(), learner?.dispose(), admin?.dispose()]);
});

test("the admin area has pages and actions to check (the enumeration works)", () => {
  expect(pages.map((p) => p.template)).toEqual(expect.arrayContaining(["/admin", "/admin/courses", "/admin/coupons", "/admin/orders", "/admin/sales", "/admin/audit"]));
  const actions = adminActions();
  expect(actions.length).toBeGreaterThanOrEqual(10);
  // Every exported action in a "use server" file is in the build, so none escapes the check.
  expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(declaredActions()));
});

test("every admin page: 401 anonymous, 403 learner, rendered for an admin", async () => {
  for (const route of pages) {
    const url = placeholder(route);
    const anon = await anonymous.get(url);
    expect(anon.status(), `anonymous GET ${url}`).toBe(401);
    expect(await anon.text(), `anonymous GET ${url}`).toContain("Sign in required");
    const asLearner = await learner.get(url);
    expect(asLearner.status(), `learner GET ${url}`).toBe(403);
    expect(await asLearner.text(), `learner GET ${url}`).toContain("Not allowed");
    // An admin gets the page (or a 404 for the placeholder id of a dynamic page).
    const asAdmin = await admin.get(url);
    expect(route.params.length === 0 ? [200] : [200, 404], `admin GET ${url}`).toContain(asAdmin.status());
  }
});

test("every admin route handler: 401 anonymous, 403 learner", async ({ baseURL }) => {
  for (const route of handlers) {
    const url = placeholder(route);
    for (const method of handlerMethods(route.template)) {
      const anon = await anonymous.fetch(url, { method, headers: { origin: baseURL! } });
      expect(anon.status(), `anonymous ${method} ${url}`).toBe(401);
      const asLearner = await learner.fetch(url, { method, headers: { origin: baseURL! } });
      expect(asLearner.status(), `learner ${method} ${url}`).toBe(403);
    }
  }
});

test("every admin server action: 401 anonymous, 403 learner, a 200 answer (not a 500) for an admin", async ({ baseURL }) => {
  for (const action of adminActions()) {
    // The body a hand-made call would send: no arguments at all.
    const call = (ctx: APIRequestContext) =>
      ctx.post(action.pagePath, {
        headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", origin: baseURL!, accept: "text/x-component" },
        data: "[]",
      });
    expect((await call(anonymous)).status(), `anonymous ${action.name}`).toBe(401);
    expect((await call(learner)).status(), `learner ${action.name}`).toBe(403);
    expect((await call(admin)).status(), `admin ${action.name}`).toBe(200);
  }
});
