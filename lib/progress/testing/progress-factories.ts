// Test factories for progress and search: a paid course with one free and one paid part.
import crypto from "node:crypto";
import type { Db } from "../../db";

const short = () => crypto.randomBytes(4).toString("hex");

export async function createUser(db: Db, role: "learner" | "admin" = "learner") {
  const id = `usr_${short()}`;
  return db.user.create({ data: { id, name: "Grace Hopper", email: `${id}@example.com`, role }, select: { id: true } });
}

/** Part 1 ("intro", free preview) and part 2 ("deep-dive", paid), each with one 60 s segment. */
export async function createPreviewCourse(db: Db) {
  const slug = `course-${short()}`;
  const courseId = `crs_${slug}`;
  await db.course.create({
    data: { id: courseId, slug, title: `Course ${slug}`, priceCents: 4900, freePreviewParts: 1 },
    select: { id: true },
  });
  const segments: { id: string; slug: string; title: string }[] = [];
  for (const [i, seg] of [
    { slug: "intro", title: "Introduction to pipelines" },
    { slug: "deep-dive", title: "Deep dive into caching" },
  ].entries()) {
    const partId = `prt_${slug}_${i + 1}`;
    await db.part.create({ data: { id: partId, courseId, position: i + 1, title: `Part ${i + 1}` }, select: { id: true } });
    const id = `seg_${slug}_${seg.slug}`;
    await db.segment.create({
      data: {
        id, courseId, partId, position: 1, slug: seg.slug, title: seg.title, durationSeconds: 60,
        // Learners only see segments with media (lib/catalog/visibility.ts).
        assets: { create: { id: `ast_${id}_master`, kind: "hls-master", path: `${slug}/${seg.slug}/master.m3u8`, mimeType: "application/vnd.apple.mpegurl" } },
      },
      select: { id: true },
    });
    segments.push({ id, ...seg });
  }
  return { id: courseId, slug, free: segments[0]!, paid: segments[1]! };
}

export async function grantPurchase(db: Db, userId: string, courseId: string) {
  await db.order.create({
    data: {
      number: `LEC-T-${short()}`,
      userId,
      courseId,
      status: "paid",
      currency: "USD",
      subtotalCents: 4900,
      totalCents: 4900,
      provider: "local",
      buyerName: "Grace Hopper",
      buyerEmail: "grace@example.com",
      paidAt: new Date(),
      purchase: { create: { userId, courseId } },
    },
    select: { id: true },
  });
}
