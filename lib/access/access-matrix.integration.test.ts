import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { AppError } from "../errors";
import { statusOf } from "../http/error-response";
import { issuePlayback, type TPlaybackDeps } from "../media/issue-playback";
import { signMediaToken } from "../media/media-token";
import { serveMediaRequest, type TMediaRequestDeps } from "../media/serve-media-request";
import type { TPlayback } from "../media/segment-media-urls";
import { createTestDatabase } from "../../tests/support/test-db";
import { importSampleCourse, MEDIA_ROOT } from "../../tests/support/import-sample-course";
import { createLicensedOrganisation } from "../../tests/support/organisations";
import { ANONYMOUS, type TViewer } from "./viewer";
import { canDownloadCourse } from "./can-download-course";
import { searchCourse } from "../search/search-course";
import { reportProgress } from "../progress/report-progress";

// The access matrix of the paywall issue: every kind of viewer × a free and a paid segment ×
// every kind of media file, through the real playback and media functions, a real database
// and the real generated files. Run once per provider by scripts/test.sh.

const COURSE = "enterprise-software-with-python";
const FREE = "overview";
const PAID = "security";
const FILES = {
  playlist: "master.m3u8",
  variant: "720p/index.m3u8",
  "media segment": "720p/seg_000.ts",
  mp4: "video.mp4",
  captions: "captions.en.vtt",
} as const;
const SECRET = "matrix-secret-0123456789abcdef0123456789";
const TTL = 3600;
let clock = 1_900_000_000;

let db: Db;
let cleanup: () => Promise<void>;
const viewers: Record<string, TViewer> = { anonymous: ANONYMOUS };

const playbackDeps = (): TPlaybackDeps => ({ db, secret: SECRET, ttlSeconds: TTL, nowSeconds: () => clock });
const mediaDeps: TMediaRequestDeps = { mediaRoot: MEDIA_ROOT, secret: SECRET, nowSeconds: () => clock };

async function playbackStatus(viewer: TViewer, segment: string): Promise<{ status: number; playback?: TPlayback }> {
  try {
    return { status: 200, playback: await issuePlayback(playbackDeps(), viewer, COURSE, segment) };
  } catch (error) {
    if (error instanceof AppError) return { status: statusOf(error.code) };
    throw error;
  }
}

/** GET a media URL as the browser would, through the media route's function. */
async function get(url: string, init?: RequestInit): Promise<Response> {
  const [, , course, segment, token, ...file] = new URL(url, "http://app.test").pathname.split("/");
  return serveMediaRequest(mediaDeps, new Request(new URL(url, "http://app.test"), init), {
    course: course!,
    segment: segment!,
    token: token!,
    file,
  });
}

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  const course = await importSampleCourse(db, COURSE);
  const mk = async (id: string, role: "learner" | "admin") =>
    db.user.create({ data: { id, name: id, email: `${id}@example.com`, role }, select: { id: true } });
  await mk("learner", "learner");
  await mk("buyer", "learner");
  await mk("admin", "admin");
  await db.order.create({
    data: {
      number: "LEC-TEST-1",
      userId: "buyer",
      courseId: course.id,
      status: "paid",
      currency: "USD",
      subtotalCents: course.priceCents,
      totalCents: course.priceCents,
      provider: "local",
      buyerName: "buyer",
      buyerEmail: "buyer@example.com",
      purchase: { create: { userId: "buyer", courseId: course.id } },
    },
  });
  // Team seats (issue 11): one active member, one whose seat was revoked.
  await mk("seat-holder", "learner");
  await mk("revoked-member", "learner");
  await db.team.create({
    data: {
      name: "Matrix team",
      courseId: course.id,
      seats: 2,
      seatsUsed: 1,
      createdById: "seat-holder",
      members: {
        create: [
          { userId: "seat-holder", role: "owner", status: "active" },
          { userId: "revoked-member", role: "member", status: "revoked", revokedAt: new Date() },
        ],
      },
    },
  });
  viewers["team seat holder"] = { kind: "user", userId: "seat-holder", role: "learner" };
  viewers["revoked team member"] = { kind: "user", userId: "revoked-member", role: "learner" };
  // Organisation licences (issue 11): a verified address at the licensed domain, an unverified
  // one, a person who signed in through the organisation's identity provider (the Account row
  // @better-auth/sso writes; the flow itself: lib/organisations/organisation-licence.integration.test.ts),
  // and a verified address at an organisation whose licence has ended.
  const org = await createLicensedOrganisation(db, { slug: "matrix-org", domains: ["matrix-org.test"], courseIds: [course.id], endsAt: new Date("2099-01-01") });
  await createLicensedOrganisation(db, { slug: "ended-org", domains: ["ended-org.test"], courseIds: [course.id], endsAt: new Date("2020-01-01") });
  await db.ssoProvider.create({
    data: { id: "matrix-idp", providerId: "org-matrix-org", issuer: "https://idp.matrix-org.test", domain: "matrix-org.test", domainVerified: true, organisationId: org.organisationId },
  });
  const person = async (label: string, email: string, emailVerified: boolean) => {
    const id = label.replace(/\W+/g, "-");
    await db.user.create({ data: { id, name: label, email, emailVerified } });
    viewers[label] = { kind: "user", userId: id, role: "learner" };
  };
  await person("domain-licensed", "ada@matrix-org.test", true);
  await person("unverified at the domain", "eve@matrix-org.test", false);
  await person("SSO user", "lin@matrix-org.test", false);
  await db.account.create({ data: { id: "matrix-sso-account", userId: "SSO-user", providerId: "org-matrix-org", accountId: "lin" } });
  await person("licence ended", "kim@ended-org.test", true);
  viewers["signed in, no purchase"] = { kind: "user", userId: "learner", role: "learner" };
  viewers.purchaser = { kind: "user", userId: "buyer", role: "learner" };
  viewers.admin = { kind: "user", userId: "admin", role: "admin" };
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

const expected: Record<string, { free: number; paid: number }> = {
  anonymous: { free: 200, paid: 401 },
  "signed in, no purchase": { free: 200, paid: 403 },
  purchaser: { free: 200, paid: 200 },
  "team seat holder": { free: 200, paid: 200 },
  "revoked team member": { free: 200, paid: 403 },
  "domain-licensed": { free: 200, paid: 200 },
  "unverified at the domain": { free: 200, paid: 403 },
  "SSO user": { free: 200, paid: 200 },
  "licence ended": { free: 200, paid: 403 },
  admin: { free: 200, paid: 200 },
};

describe("access matrix", () => {
  const rows: string[] = [];
  afterAll(() => console.log(`\nAccess matrix (playback API → media files)\n${rows.join("\n")}`));

  for (const [who, want] of Object.entries(expected)) {
    for (const [kind, segment] of [
      ["free", FREE],
      ["paid", PAID],
    ] as const) {
      it(`${who} × ${kind} segment`, async () => {
        const viewer = viewers[who]!;
        const { status, playback } = await playbackStatus(viewer, segment);
        expect(status).toBe(want[kind]);
        const fileStatuses: Record<string, number> = {};
        if (playback) {
          const base = playback.hls.slice(0, playback.hls.lastIndexOf("/") + 1);
          for (const [label, file] of Object.entries(FILES)) {
            const res = await get(base + file);
            fileStatuses[label] = res.status;
            expect(res.status, label).toBe(200);
            expect(Number(res.headers.get("content-length")), label).toBeGreaterThan(0);
            await res.body?.cancel();
          }
          // Paid media are bound to the viewer; free media to nobody.
          const token = base.split("/")[4]!;
          expect(token.split(".")[1]).toBe(kind === "free" ? "-" : (viewer as { userId: string }).userId);
        } else {
          // No playback URLs: neither a forged token nor a free segment's token opens the files.
          const free = await issuePlayback(playbackDeps(), viewer, COURSE, FREE);
          const freeToken = free.hls.split("/")[4]!;
          const forged = `s${(clock + 60).toString(36)}.-.${"x".repeat(43)}`;
          for (const token of [freeToken, forged, "-"]) {
            for (const [label, file] of Object.entries(FILES)) {
              const res = await get(`/media/${COURSE}/${segment}/${token}/${file}`);
              fileStatuses[label] = res.status;
              expect(res.status, `${label} with ${token.slice(0, 8)}`).toBe(403);
              expect(await res.text()).not.toContain("#EXTM3U");
            }
          }
        }
        rows.push(
          `  ${who.padEnd(24)} ${kind.padEnd(5)} playback ${status}  ` +
            Object.entries(fileStatuses)
              .map(([k, v]) => `${k} ${v}`)
              .join(", "),
        );
      });
    }
  }
});

describe("media tokens at the media route", () => {
  it("expire (injectable clock)", async () => {
    const playback = await issuePlayback(playbackDeps(), viewers.purchaser!, COURSE, PAID);
    expect((await get(playback.hls)).status).toBe(200);
    // Expiries are rounded to a window (lib/media/token-expiry.ts): valid for TTL…2×TTL.
    const issuedAt = clock;
    expect(playback.expiresAt - issuedAt).toBeGreaterThanOrEqual(TTL);
    expect(playback.expiresAt - issuedAt).toBeLessThanOrEqual(2 * TTL);
    try {
      clock = playback.expiresAt - 1;
      expect((await get(playback.hls)).status).toBe(200);
      clock = playback.expiresAt;
      const res = await get(playback.hls);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { reason: string } }).error.reason).toBe("expired");
    } finally {
      clock = issuedAt;
    }
  });

  it("are identical within one window, for one viewer and for every anonymous viewer of free media", async () => {
    const issuedAt = clock;
    try {
      const first = await issuePlayback(playbackDeps(), viewers.purchaser!, COURSE, PAID);
      const anonymousFirst = await issuePlayback(playbackDeps(), viewers.anonymous!, COURSE, FREE);
      clock = first.expiresAt - TTL - 1; // the last second of the same window
      const again = await issuePlayback(playbackDeps(), viewers.purchaser!, COURSE, PAID);
      const anonymousAgain = await issuePlayback(playbackDeps(), viewers.anonymous!, COURSE, FREE);
      const otherViewerFree = await issuePlayback(playbackDeps(), viewers["signed in, no purchase"]!, COURSE, FREE);
      expect(again.hls).toBe(first.hls);
      expect(anonymousAgain.hls).toBe(anonymousFirst.hls);
      expect(otherViewerFree.hls).toBe(anonymousFirst.hls);
      clock = first.expiresAt - TTL; // the next window: new URLs
      expect((await issuePlayback(playbackDeps(), viewers.purchaser!, COURSE, PAID)).hls).not.toBe(first.hls);
    } finally {
      clock = issuedAt;
    }
  });

  it("refuse tampering with the signature, the user or the expiry", async () => {
    const playback = await issuePlayback(playbackDeps(), viewers.purchaser!, COURSE, PAID);
    const [head, user, sig] = playback.hls.split("/")[4]!.split(".") as [string, string, string];
    const flipped = sig.slice(0, -1) + (sig.endsWith("A") ? "B" : "A");
    const later = `s${(clock + 10 * TTL).toString(36)}`;
    for (const token of [`${head}.${user}.${flipped}`, `${head}.learner.${sig}`, `${later}.${user}.${sig}`]) {
      expect((await get(`/media/${COURSE}/${PAID}/${token}/master.m3u8`)).status).toBe(403);
    }
  });

  it("refuse reuse on another segment (cross-asset)", async () => {
    const playback = await issuePlayback(playbackDeps(), viewers.purchaser!, COURSE, PAID);
    const token = playback.hls.split("/")[4]!;
    expect((await get(`/media/${COURSE}/testing/${token}/master.m3u8`)).status).toBe(403);
    expect((await get(`/media/${COURSE}/${FREE}/${token}/master.m3u8`)).status).toBe(403);
  });

  it("never serve a file outside the segment folder, even with a valid token", async () => {
    const token = signMediaToken(SECRET, { scope: "stream", course: COURSE, segment: FREE, userId: null, expiresAt: clock + 60 });
    // Params as the router hands them over (already split and decoded).
    for (const file of [["..", "security", "master.m3u8"], ["media.json"], ["..", "..", "..", "package.json"]]) {
      const res = await serveMediaRequest(mediaDeps, new Request("http://app.test/x"), {
        course: COURSE,
        segment: FREE,
        token,
        file,
      });
      expect(res.status, file.join("/")).toBe(404);
    }
  });

  it("stop new tokens at once after a refund", async () => {
    await db.purchase.update({ where: { userId_courseId: { userId: "buyer", courseId: (await db.course.findUniqueOrThrow({ where: { slug: COURSE }, select: { id: true } })).id } }, data: { status: "refunded", refundedAt: new Date() } });
    try {
      expect((await playbackStatus(viewers.purchaser!, PAID)).status).toBe(403);
      expect((await playbackStatus(viewers.purchaser!, FREE)).status).toBe(200);
    } finally {
      await db.purchase.updateMany({ where: { userId: "buyer" }, data: { status: "active", refundedAt: null } });
    }
  });
});

// The same viewers through the other doors of issue 11's list: the download decision (course-wide:
// free-preview parts are for streaming only), course search (a segment's transcript is searched
// only for viewers who may watch it; others match it by title, locked) and progress reports.
const entitledToAll = new Set(["purchaser", "team seat holder", "domain-licensed", "SSO user", "admin"]);

describe("access matrix: downloads, search and progress", () => {
  const rows: string[] = [];
  afterAll(() => console.log(`\nAccess matrix (download · search · progress)\n${rows.join("\n")}`));

  for (const who of Object.keys(expected)) {
    it(`${who}: download, search and progress`, async () => {
      const viewer = viewers[who]!;
      const entitled = entitledToAll.has(who);
      const course = await db.course.findUniqueOrThrow({ where: { slug: COURSE }, select: { id: true, priceCents: true, published: true } });

      const download = await canDownloadCourse(db, viewer, course);
      expect(download.allowed, "download").toBe(entitled);

      const search = async (q: string, slug: string) =>
        (await searchCourse(db, { mediaRoot: MEDIA_ROOT }, viewer, COURSE, { q })).segments.find((s) => s.slug === slug)!;
      const free = await search("Overview", FREE);
      expect(free.locked, "free segment locked in search").toBe(false);
      expect(free.hits.length, "free transcript hits").toBeGreaterThan(0);
      const paid = await search("Security", PAID);
      expect(paid.titleMatch).toBe(true);
      expect(paid.locked, "paid segment locked in search").toBe(!entitled);
      expect(paid.hits.length > 0, "paid transcript searched").toBe(entitled);

      const progress = async (segment: string) => {
        try {
          await reportProgress(db, viewer, { course: COURSE, segment, positionSeconds: 3, ranges: [[0, 3]] });
          return 200;
        } catch (error) {
          if (error instanceof AppError) return statusOf(error.code);
          throw error;
        }
      };
      const progressFree = await progress(FREE);
      const progressPaid = await progress(PAID);
      expect(progressFree, "progress on the free segment").toBe(who === "anonymous" ? 401 : 200);
      expect(progressPaid, "progress on the paid segment").toBe(expected[who]!.paid);
      if (viewer.kind === "user") {
        const stored = await db.segmentProgress.count({ where: { userId: viewer.userId, segment: { slug: PAID, course: { slug: COURSE } } } });
        expect(stored, "a refused report writes nothing").toBe(entitled ? 1 : 0);
      }
      rows.push(
        `  ${who.padEnd(24)} download ${download.allowed ? "yes" : `no (${download.reason})`}; ` +
          `search: paid ${paid.locked ? "title only, locked" : `${paid.hits.length} transcript hits`}; progress free ${progressFree}, paid ${progressPaid}`,
      );
    });
  }
});
