// `tsx e2e/support/create-upload-target.ts [unpublished]`: a fresh course (one part, one segment without media)
// to upload to, so the upload journey never changes the sample courses other specs watch.
// Prints {"courseSlug","segmentSlug","segmentId"}. A separate process for the same reason as
// grant-purchase.ts (Playwright cannot load the generated Prisma client).
import { randomUUID } from "node:crypto";
import { createDb } from "../../lib/db";
import { createSegmentWithoutMedia } from "../../lib/jobs/testing/job-fixtures";

async function main() {
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    const tag = randomUUID().slice(0, 8);
    const { course, segment } = await createSegmentWithoutMedia(db, { courseSlug: `upload-${tag}`, segmentSlug: "first-take" });
    // Priced, nothing free: only an admin (or a buyer) may watch it. `unpublished`: only admins see it.
    const published = process.argv[2] !== "unpublished";
    await db.course.update({ where: { id: course.id }, data: { priceCents: 1900, freePreviewParts: 0, published } });
    process.stdout.write(JSON.stringify({ courseId: course.id, courseSlug: course.slug, courseTitle: `Course ${course.slug}`, segmentSlug: segment.slug, segmentId: segment.id }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
