import crypto from "node:crypto";
import type { Db } from "../../lib/db";
import { isFreePreviewPart } from "../../lib/access/free-preview";
import { createUser, grantPurchase } from "../../lib/progress/testing/progress-factories";
import type { THttpClient } from "./http-client";

export type TWatchable = { course: string; segment: string };
export type TLearner = { userId: string; cookie: string };
export type TAudience = { free: TWatchable[]; paid: TWatchable[]; paidCourseIds: string[]; learners: TLearner[] };

/** Learners who go through the real sign-up and sign-in API (few: it is rate limited per client). */
const SIGNED_IN_THROUGH_API = 3;

/**
 * The seeded catalog split by the free-preview rule, and `learners` signed-in users who bought
 * every paid course: a few signed up and signed in through the app's own API (which also tells
 * us the session cookie's name), the rest created with the shared test factories plus a session
 * row and a cookie signed with the app's secret, as Better Auth would have set it.
 */
export async function prepareAudience(
  db: Db,
  http: THttpClient,
  { baseUrl, secret, learners: count }: { baseUrl: string; secret: string; learners: number },
): Promise<TAudience> {
  const segments = await db.segment.findMany({
    select: {
      slug: true,
      part: { select: { position: true } },
      course: { select: { id: true, slug: true, priceCents: true, freePreviewParts: true } },
    },
    orderBy: [{ courseId: "asc" }, { part: { position: "asc" } }, { position: "asc" }],
  });
  const free: TWatchable[] = [];
  const paid: TWatchable[] = [];
  for (const s of segments) {
    (isFreePreviewPart(s.course, s.part.position) ? free : paid).push({ course: s.course.slug, segment: s.slug });
  }
  const paidCourseIds = [...new Set(segments.filter((s) => s.course.priceCents > 0).map((s) => s.course.id))];
  if (free.length === 0 || paid.length === 0) throw new Error("the seeded catalog needs free and paid segments");

  const learners: TLearner[] = [];
  let cookieName = "";
  for (let i = 0; i < Math.min(SIGNED_IN_THROUGH_API, count); i++) {
    const learner = await signUpAndSignIn(http, baseUrl);
    cookieName = learner.cookie.split("=")[0]!;
    learners.push(learner);
  }
  if (!cookieName) throw new Error("at least one learner must sign in through the API");
  for (let i = learners.length; i < count; i++) {
    const { id } = await createUser(db);
    const token = crypto.randomBytes(24).toString("base64url");
    await db.session.create({
      data: { id: `ses_${crypto.randomUUID()}`, token, userId: id, expiresAt: new Date(Date.now() + 3_600_000) },
      select: { id: true },
    });
    learners.push({ userId: id, cookie: `${cookieName}=${signedCookieValue(token, secret)}` });
  }
  for (const learner of learners) {
    for (const courseId of paidCourseIds) await grantPurchase(db, learner.userId, courseId);
  }
  return { free, paid, paidCourseIds, learners };
}

/** Better Auth's (better-call's) signed cookie: `<token>.<base64 HMAC-SHA256(secret, token)>`, URI-encoded. */
export function signedCookieValue(token: string, secret: string): string {
  const signature = crypto.createHmac("sha256", secret).update(token).digest("base64");
  return encodeURIComponent(`${token}.${signature}`);
}

export async function signUpAndSignIn(http: THttpClient, baseUrl: string): Promise<TLearner> {
  const email = `load-${crypto.randomUUID()}@example.com`;
  const password = "correct horse battery";
  const headers = { "content-type": "application/json", origin: baseUrl };
  const up = await http.request("/api/auth/sign-up/email", {
    method: "POST",
    headers,
    body: JSON.stringify({ email, password, name: "Load Learner" }),
  });
  if (up.status !== 200) throw new Error(`sign-up failed: ${up.status} ${up.body.toString()}`);
  const userId = (JSON.parse(up.body.toString()) as { user: { id: string } }).user.id;
  const signIn = await http.request("/api/auth/sign-in/email", { method: "POST", headers, body: JSON.stringify({ email, password }) });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${signIn.body.toString()}`);
  const session = (signIn.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]!).find((c) => /session_token=/.test(c));
  if (!session) throw new Error("sign-in set no session cookie");
  return { userId, cookie: session };
}
