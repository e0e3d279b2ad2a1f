import crypto from "node:crypto";
import type { Db } from "../../lib/db";
import { createUser } from "../../lib/progress/testing/progress-factories";
import { signedCookieValue, signUpAndSignIn } from "./audience";
import { createHttpClient } from "./http-client";

export type TBuyer = { userId: string; cookie: string; course: string };

/**
 * `count` signed-in buyers, none owning anything yet, each about to buy one of the seeded paid
 * courses (in turn). One signs up through the app's API, which tells us the session cookie's
 * name; the rest are made with the shared factories and a session row, as in audience.ts.
 */
export async function prepareBuyers(db: Db, { baseUrl, secret, count }: { baseUrl: string; secret: string; count: number }): Promise<TBuyer[]> {
  const courses = await db.course.findMany({ where: { priceCents: { gt: 0 } }, select: { slug: true }, orderBy: { slug: "asc" } });
  if (courses.length === 0) throw new Error("the seeded catalog has no paid course to buy");
  const http = createHttpClient(baseUrl, { maxSockets: 2, timeoutMs: 30_000 });
  const first = await signUpAndSignIn(http, baseUrl).finally(() => http.close());
  const cookieName = first.cookie.split("=")[0]!;
  const buyers: TBuyer[] = [{ ...first, course: courses[0]!.slug }];
  for (let i = 1; i < count; i++) {
    const { id } = await createUser(db);
    const token = crypto.randomBytes(24).toString("base64url");
    await db.session.create({
      data: { id: `ses_${crypto.randomUUID()}`, token, userId: id, expiresAt: new Date(Date.now() + 3_600_000) },
      select: { id: true },
    });
    buyers.push({ userId: id, cookie: `${cookieName}=${signedCookieValue(token, secret)}`, course: courses[i % courses.length]!.slug });
  }
  return buyers;
}
