import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../tests/support/test-db";
import { importSampleCourse, MEDIA_ROOT } from "../../tests/support/import-sample-course";
import { testEnv } from "../commerce/testing/commerce-factories";
import { AppError } from "../errors";
import { courseZipUrl, segmentDownloadUrl } from "../downloads/download-urls";
import { serveDownloadRequest, type TDownloadRequestParams } from "../downloads/serve-download-request";
import { issuePlayback, type TPlaybackDeps } from "../media/issue-playback";
import { serveMediaRequest } from "../media/serve-media-request";
import { revokeMember } from "./revoke-member";
import { buyTeam, createUser, joinTeam, type TTeamDeps } from "./testing/team-factories";

// Issue 11: "revoking a member frees the seat and stops their streaming at once (no new media
// tokens, and download links stop working)". Through the real functions behind the routes — the
// playback API (issuePlayback: the player's renewal asks it for new tokens), the download route
// (serveDownloadRequest) and the media route (serveMediaRequest) — with the sample course's real
// files, on a real database (SQLite and PostgreSQL, scripts/test.sh). Download links the member
// was handed while they held the seat answer 403 from the commit on, because the route asks
// lib/access on every request. Media URLs already signed for them live out their short TTL by
// design (docs/decisions/004 and 014): the test pins that bound too.

const COURSE = "enterprise-software-with-python";
const PAID = "security";
const SECRET = "revoked-member-secret-0123456789abcdef";
const TTL = 600;
let clock = 1_900_000_000;

let t: TestDatabase;
let course: { id: string; slug: string; priceCents: number };
const deps = (): TTeamDeps => ({ db: t.db, env: { ...testEnv, LECTERN_SECRET: SECRET } });
const playbackDeps = (): TPlaybackDeps => ({ db: t.db, secret: SECRET, ttlSeconds: TTL, nowSeconds: () => clock });
const signing = () => ({ secret: SECRET, ttlSeconds: TTL, nowSeconds: clock });
const learner = (userId: string) => ({ kind: "user" as const, userId, role: "learner" as const });

/** GET a download URL as the browser would, through the download route's function. */
async function download(url: string): Promise<Response> {
  const [, , c, token, ...file] = decodeURI(url).split("/");
  const params: TDownloadRequestParams = { course: c!, token: token!, file: file.map(decodeURIComponent) };
  return serveDownloadRequest({ db: t.db, mediaRoot: MEDIA_ROOT, secret: SECRET, nowSeconds: () => clock }, new Request(`http://app.test${url}`, { method: "HEAD" }), params);
}

/** GET a media URL through the media route's function. */
async function media(url: string): Promise<Response> {
  const [, , c, segment, token, ...file] = new URL(url, "http://app.test").pathname.split("/");
  return serveMediaRequest({ mediaRoot: MEDIA_ROOT, secret: SECRET, nowSeconds: () => clock }, new Request(new URL(url, "http://app.test"), { method: "HEAD" }), {
    course: c!,
    segment: segment!,
    token: token!,
    file,
  });
}

async function playbackRefusal(userId: string): Promise<string | null> {
  try {
    await issuePlayback(playbackDeps(), learner(userId), COURSE, PAID);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  t = await createTestDatabase();
  course = await importSampleCourse(t.db, COURSE);
}, 120_000);
afterAll(() => t?.cleanup());

describe("a revoked member loses streaming and downloads at once", () => {
  it("their download links answer 403, playback renewal is refused, and already-signed media lives out its TTL only", async () => {
    const lead = await createUser(t.db);
    const { teamId } = await buyTeam(deps(), { ownerId: lead.id, courseSlug: course.slug, seats: 2, teamName: "Revocation" });
    const member = await createUser(t.db);
    await joinTeam(deps(), { teamId, ownerId: lead.id, user: member });

    // While they hold the seat: playback, a segment download and the course ZIP all work.
    const playback = await issuePlayback(playbackDeps(), learner(member.id), COURSE, PAID);
    const mp4 = segmentDownloadUrl(COURSE, PAID, "04-01 Security", member.id, signing());
    const zip = courseZipUrl(COURSE, "Enterprise Software with Python", member.id, signing());
    expect((await media(playback.hls)).status).toBe(200);
    expect((await download(mp4)).status).toBe(200);
    expect((await download(zip)).status).toBe(200);

    const row = await t.db.teamMember.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId: member.id } }, select: { id: true } });
    expect(await revokeMember(deps(), lead.id, { team: teamId, member: row.id })).toEqual({ revoked: true });

    // From the commit on, with the clock unchanged: no new media token…
    expect(await playbackRefusal(member.id)).toBe("FORBIDDEN");
    // …and the links handed out earlier, still unexpired, are refused by the download route.
    for (const url of [mp4, zip]) {
      const res = await download(url);
      expect(res.status, url).toBe(403);
    }
    // The owner, whose seat stays, still downloads and plays.
    expect(await playbackRefusal(lead.id)).toBeNull();
    expect((await download(segmentDownloadUrl(COURSE, PAID, "04-01 Security", lead.id, signing()))).status).toBe(200);

    // Media URLs signed before the revocation are bearer URLs for a short time (ADR 004): they
    // still answer until their expiry, and not a second longer; renewal was refused above.
    const issuedAt = clock;
    try {
      clock = playback.expiresAt - 1;
      expect((await media(playback.hls)).status).toBe(200);
      clock = playback.expiresAt;
      expect((await media(playback.hls)).status).toBe(403);
      expect(playback.expiresAt - issuedAt).toBeLessThanOrEqual(2 * TTL);
    } finally {
      clock = issuedAt;
    }
  });
});
