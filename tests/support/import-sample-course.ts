import path from "node:path";
import type { Db } from "../../lib/db";
import { ensureCourseImages } from "../../lib/ingest/ensure-course-images";
import { importCourse } from "../../lib/ingest/import-course";
import { loadCourseManifest } from "../../lib/ingest/load-course-manifest";
import { readMediaFacts } from "../../lib/ingest/media-facts";
import type { TMediaFacts } from "../../lib/ingest/media-facts";

export const MEDIA_ROOT = path.resolve(process.env.MEDIA_ROOT ?? "media");

/**
 * Imports a sample course from content/ with its real generated media (npm test generates
 * the media before the integration tests run). Fails loudly when media are missing.
 */
export async function importSampleCourse(db: Db, slug: string) {
  const manifest = loadCourseManifest(path.resolve("content", slug, "course.yaml"));
  const facts = new Map<string, TMediaFacts>();
  for (const segment of manifest.parts.flatMap((p) => p.segments)) {
    const found = readMediaFacts(path.join(MEDIA_ROOT, slug, segment.slug));
    if (!found) throw new Error(`No media for ${slug}/${segment.slug} under ${MEDIA_ROOT}: run \`npm run media\` first`);
    facts.set(segment.slug, found);
  }
  await importCourse(db, manifest, facts, { images: await ensureCourseImages(manifest, MEDIA_ROOT) });
  return db.course.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, priceCents: true } });
}
