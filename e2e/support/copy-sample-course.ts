// `tsx e2e/support/copy-sample-course.ts <fromSlug> <toSlug> <priceCents> <freePreviewParts>`:
// a published course of its own for a spec that changes it (price, free preview, publish) while
// other specs use the seeded ones. The sample course's manifest is imported under the new slug
// with the project's own importer; its media are hard links to the sample's (new names, never
// written: the importer only reads them). No cover or portraits. A separate process because
// Playwright's TypeScript loader cannot load the generated (ESM) Prisma client; tsx can.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createDb } from "../../lib/db";
import { importCourse } from "../../lib/ingest/import-course";
import { loadCourseManifest } from "../../lib/ingest/load-course-manifest";
import { readMediaFacts, type TMediaFacts } from "../../lib/ingest/media-facts";

async function main() {
  const [from, to, price, free] = process.argv.slice(2);
  if (!from || !to || price === undefined || free === undefined) {
    throw new Error("usage: copy-sample-course.ts <fromSlug> <toSlug> <priceCents> <freePreviewParts>");
  }
  const mediaRoot = path.resolve(process.env.MEDIA_ROOT ?? "media");
  const target = path.join(mediaRoot, to);
  if (!fs.existsSync(target)) execFileSync("cp", ["-al", path.join(mediaRoot, from), target]);
  const manifest = loadCourseManifest(path.resolve("content", from, "course.yaml"));
  const copy = { ...manifest, slug: to, title: `${manifest.title} (${to})`, price: Number(price), freePreviewParts: Number(free), published: true };
  const facts = new Map<string, TMediaFacts>();
  for (const segment of copy.parts.flatMap((p) => p.segments)) {
    const found = readMediaFacts(path.join(target, segment.slug));
    if (!found) throw new Error(`No media for ${from}/${segment.slug} under ${mediaRoot}: run \`npm run media\` first`);
    // media.json names the course it was made for; these files now stand for the copy.
    facts.set(segment.slug, { ...found, course: to });
  }
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    await importCourse(db, copy, facts);
    process.stdout.write(JSON.stringify({ slug: to, segments: copy.parts.map((p) => p.segments.map((s) => ({ slug: s.slug, title: s.title }))) }));
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
