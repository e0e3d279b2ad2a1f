import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { loadEnv } from "../env";
import { createTestDatabase } from "../../tests/support/test-db";
import { createAuth, type TAuth } from "../auth/create-auth";
import { ANONYMOUS } from "../access/viewer";
import { getCourseToc } from "../catalog/get-course-toc";
import { listCourses } from "../catalog/list-courses";
import { handleRoute } from "../http/error-response";
import type { TCatalogViewerState } from "./catalog-viewer-state";
import type { TCourseViewerState } from "./course-viewer-state";
import { PER_REQUEST_COOKIE } from "./per-request-cookie";
import { viewerOf } from "./read-viewer-state";
import { sessionUserOf } from "./session-user";
import { catalogViewerResponse, courseViewerResponse, type TViewerRouteDeps } from "./viewer-response";
import { anonymousCourseViewerState } from "./testing/viewer-states";

// GET /api/viewer/course/<slug> and /api/viewer/catalog (issue 12, ADR 019) on a real database
// with real Better Auth sessions: what an anonymous visitor, a stale cookie, a learner, a buyer,
// a team member and an admin are told, that it is never cacheable, and bad input.

const APP = "http://localhost:3998";
const NOW = new Date("2026-11-29T12:00:00Z");
let db: Db;
let cleanup: () => Promise<void>;
let auth: TAuth;
let deps: TViewerRouteDeps;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
const signInCookies: Record<string, string> = {};

async function account(who: string, role: "learner" | "admin" = "learner") {
  const email = `${who}@viewer.test`;
  const post = (path: string, body: unknown) =>
    auth.handler(new Request(`${APP}/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json", origin: APP }, body: JSON.stringify(body) }));
  expect((await post("/sign-up/email", { email, password: "a-good-password", name: `Name of ${who}` })).status).toBe(200);
  const user = await db.user.update({ where: { email }, data: { role }, select: { id: true } });
  const res = await post("/sign-in/email", { email, password: "a-good-password" });
  expect(res.status).toBe(200);
  ids[who] = user.id;
  signInCookies[who] = res.headers.get("set-cookie") ?? "";
  cookies[who] = (res.headers.get("set-cookie") ?? "")
    .split(/,(?=\s*[\w.-]+=)/)
    .map((c) => c.split(";")[0]!.trim())
    .join("; ");
}

async function course(slug: string, priceCents: number, published = true) {
  const id = `c-${slug}`;
  await db.course.create({ data: { id, slug, title: `Course ${slug}`, priceCents, freePreviewParts: 1, published } });
  for (const position of [1, 2]) {
    const partId = `${id}-p${position}`;
    await db.part.create({ data: { id: partId, courseId: id, position, title: `Part ${position}` } });
    const segmentId = `${id}-s${position}`;
    await db.segment.create({ data: { id: segmentId, courseId: id, partId, position: 1, slug: `seg-${position}`, title: `Segment ${position}`, durationSeconds: 60 } });
    await db.mediaAsset.create({ data: { id: `${segmentId}-hls`, segmentId, kind: "hls-master", path: `${slug}/seg-${position}/master.m3u8`, mimeType: "application/vnd.apple.mpegurl" } });
  }
  return id;
}

const get = (url: string, who?: string) => new Request(`${APP}${url}`, { headers: who ? { cookie: cookies[who]! } : {} });
const courseRoute = (slug: string, who?: string, query = "") =>
  handleRoute(() => courseViewerResponse(deps, get(`/api/viewer/course/${slug}${query}`, who), { course: slug }))();
const catalogRoute = (who?: string, query = "") => handleRoute(() => catalogViewerResponse(deps, get(`/api/viewer/catalog${query}`, who)))();

async function courseState(slug: string, who?: string): Promise<TCourseViewerState> {
  const res = await courseRoute(slug, who);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get("cache-control")).toBe("private, no-store");
  expect(res.headers.get("vary")).toBe("Cookie");
  return (await res.json()) as TCourseViewerState;
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  const env = loadEnv({ NODE_ENV: "test", APP_URL: APP, PORT: "3998", DATABASE_URL: "file:unused" });
  auth = createAuth({ db, env: { ...env, DATABASE_URL: process.env.TEST_DATABASE_URL ?? "file:./data/test.db" } });
  deps = {
    db,
    currentUser: (request) => sessionUserOf(auth, request),
    toc: (slug, hidden) => getCourseToc(db, slug, hidden ? { kind: "user", userId: "", role: "admin" } : ANONYMOUS),
    catalog: (user) => listCourses(db, viewerOf(user)),
    now: () => NOW,
  };
  const paid = await course("paid", 4900);
  await course("free", 0);
  await course("draft", 1900, false);
  for (const who of ["learner", "buyer", "member"]) await account(who);
  await account("admin", "admin");
  await db.order.create({
    data: {
      number: "LEC-VIEWER-1",
      userId: ids.buyer!,
      courseId: paid,
      status: "paid",
      currency: "USD",
      subtotalCents: 4900,
      totalCents: 4900,
      provider: "local",
      buyerName: "buyer",
      buyerEmail: "buyer@viewer.test",
      purchase: { create: { userId: ids.buyer!, courseId: paid } },
    },
  });
  await db.segmentProgress.create({
    data: { userId: ids.buyer!, segmentId: `${paid}-s2`, courseId: paid, positionSeconds: 60, watchedSeconds: 60, completedAt: NOW },
  });
  await db.note.create({ data: { userId: ids.buyer!, segmentId: `${paid}-s1`, courseId: paid, atSeconds: 7, text: "the buyer's own note" } });
  await db.team.create({
    data: {
      name: "Viewer team",
      courseId: paid,
      seats: 2,
      seatsUsed: 1,
      createdById: ids.member!,
      members: { create: [{ userId: ids.member!, role: "member", status: "active" }] },
      assignments: { create: [{ kind: "segment", segmentId: `${paid}-s2`, wholeTeam: true, createdById: ids.member!, dueAt: new Date("2026-12-24T00:00:00Z"), note: "before the holidays" }] },
    },
  });
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

describe("GET /api/viewer/course/<slug>", () => {
  it("tells an anonymous visitor nothing of anyone: sign in to watch, no progress, no notes", async () => {
    const state = await courseState("paid");
    expect(state).toEqual(anonymousCourseViewerState());
  });

  it("answers a stale or foreign session cookie as anonymous", async () => {
    const res = await courseViewerResponse(deps, new Request(`${APP}/api/viewer/course/paid`, { headers: { cookie: "better-auth.session_token=forged.value" } }), {
      course: "paid",
    });
    expect(((await res.json()) as TCourseViewerState).viewer).toEqual({ kind: "anonymous" });
  });

  it("tells a learner who has not bought it to buy it, with their own (empty) progress", async () => {
    const state = await courseState("paid", "learner");
    expect(state.viewer).toEqual({ kind: "user", name: "Name of learner", role: "learner" });
    expect(state.entitlement).toEqual({ entitled: false, reason: "purchase-required" });
    expect(state.downloadAllowed).toBe(false);
    expect(state.progress).toMatchObject({ completedCount: 0, segmentCount: 2, resume: null });
    expect(state.notes).toEqual([]);
  });

  it("opens a free course to a learner", async () => {
    const state = await courseState("free", "learner");
    expect(state.entitlement).toEqual({ entitled: true, reason: "free-course" });
    expect(state.downloadAllowed).toBe(true);
  });

  it("gives the buyer their purchase, downloads, progress and notes — and nobody else", async () => {
    const state = await courseState("paid", "buyer");
    expect(state.viewer).toEqual({ kind: "user", name: "Name of buyer", role: "learner" });
    expect(state.entitlement).toEqual({ entitled: true, reason: "purchase" });
    expect(state.downloadAllowed).toBe(true);
    expect(state.progress).toMatchObject({ completedCount: 1, segmentCount: 2 });
    expect(state.progress!.bySegment["c-paid-s2"]).toMatchObject({ completed: true });
    expect(state.notes.map((n) => n.text)).toEqual(["the buyer's own note"]);
    const learner = await courseState("paid", "learner");
    expect(JSON.stringify(learner)).not.toContain("the buyer's own note");
    expect(learner.progress!.bySegment).toEqual({});
  });

  it("gives a team member their seat and their team's assignment, its due date as an ISO string", async () => {
    const state = await courseState("paid", "member");
    expect(state.entitlement).toEqual({ entitled: true, reason: "team-seat" });
    expect(state.assignments).toHaveLength(1);
    expect(state.assignments[0]).toMatchObject({ teamName: "Viewer team", note: "before the holidays", dueAt: "2026-12-24T00:00:00.000Z", href: "/courses/paid/seg-2" });
    expect(state.assignments[0]!.status).toEqual({ state: "not-started", overdue: false });
  });

  it("sends an admin's page views to the per-request render, and shows them unpublished courses", async () => {
    const res = await courseRoute("draft", "admin");
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toContain(`${PER_REQUEST_COOKIE}=1`);
    expect(((await res.json()) as TCourseViewerState).entitlement).toEqual({ entitled: true, reason: "admin" });
    expect((await courseRoute("paid", "buyer")).headers.get("set-cookie")).toBeNull();
  });

  it("an admin's sign-in already sets the per-request hint; a learner's does not", () => {
    expect(signInCookies.admin).toContain(`${PER_REQUEST_COOKIE}=1`);
    expect(signInCookies.buyer).not.toContain(PER_REQUEST_COOKIE);
  });

  it("answers 404 for an unknown or unpublished course, 400 for a malformed slug or any query string", async () => {
    expect((await courseRoute("no-such-course", "buyer")).status).toBe(404);
    expect((await courseRoute("draft", "learner")).status).toBe(404);
    expect((await courseRoute("draft")).status).toBe(404);
    const bad = await handleRoute(() => courseViewerResponse(deps, get("/api/viewer/course/Bad..Slug"), { course: "Bad..Slug" }))();
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: "BAD_REQUEST", fields: [{ path: "course" }] } });
    const query = await courseRoute("paid", "buyer", "?as=admin");
    expect(query.status).toBe(400);
    expect(await query.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });
});

describe("GET /api/viewer/catalog", () => {
  async function catalogState(who?: string): Promise<TCatalogViewerState> {
    const res = await catalogRoute(who);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    expect(res.headers.get("vary")).toBe("Cookie");
    return (await res.json()) as TCatalogViewerState;
  }

  it("shows an anonymous visitor prices only, and lists no unpublished course", async () => {
    expect(await catalogState()).toEqual({
      viewer: { kind: "anonymous" },
      cards: { paid: { access: null, completedSegments: null }, free: { access: null, completedSegments: null } },
    });
  });

  it("marks the buyer's course Owned with their progress; a learner's and a member's their own", async () => {
    expect((await catalogState("buyer")).cards).toEqual({
      paid: { access: "purchase", completedSegments: 1 },
      free: { access: null, completedSegments: 0 },
    });
    expect((await catalogState("learner")).cards.paid).toEqual({ access: null, completedSegments: 0 });
    expect((await catalogState("member")).cards.paid).toEqual({ access: "team-seat", completedSegments: 0 });
  });

  it("lists unpublished courses for an admin (and sets the per-request hint); refuses a query string", async () => {
    const res = await catalogRoute("admin");
    expect(Object.keys(((await res.json()) as TCatalogViewerState).cards).sort()).toEqual(["draft", "free", "paid"]);
    expect(res.headers.get("set-cookie")).toContain(PER_REQUEST_COOKIE);
    expect((await catalogRoute("buyer", "?x=1")).status).toBe(400);
  });
});
