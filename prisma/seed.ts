/**
 * `npx prisma db seed` (prisma.config.ts → `tsx prisma/seed.ts`): for every
 * CONTENT_ROOT/<course>/course.yaml, make sure its media exists under MEDIA_ROOT (rendering
 * only what is missing or stale) and import the course into DATABASE_URL. Safe to re-run:
 * ids are derived from slugs and the import is an upsert (lib/ingest/import-course.ts).
 */
import { DEFAULT_ADMIN, ensureAdmin } from "../lib/auth/ensure-admin";
import { seedCoupons } from "../lib/commerce/seed-coupons";
import { DEMO_LEAD, DEMO_MEMBER, seedDemoTeam } from "../lib/teams/seed-demo-team";
import { AppError } from "../lib/errors";
import { createDb } from "../lib/db";
import { storeCourseZipCrcs } from "../lib/downloads/ensure-download-crcs";
import { loadEnv } from "../lib/env";
import { createLicensedOrganisation, DEMO_ORGANISATION } from "../tests/support/organisations";
import { ensureCoursesMedia } from "../lib/ingest/ensure-courses-media";
import { ensureCourseImages } from "../lib/ingest/ensure-course-images";
import { findCourseManifests } from "../lib/ingest/find-course-manifests";
import { importCourse } from "../lib/ingest/import-course";
import { loadCourseManifest, ManifestError } from "../lib/ingest/load-course-manifest";

function hms(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

async function main(): Promise<void> {
  const env = loadEnv(process.env);
  const courses = findCourseManifests(env.CONTENT_ROOT).map(loadCourseManifest);
  if (courses.length === 0) {
    console.log(`No courses in ${env.CONTENT_ROOT}; nothing to seed.`);
    return;
  }
  console.log(`Media (${courses.length} course${courses.length === 1 ? "" : "s"}) → ${env.MEDIA_ROOT}`);
  const media = await ensureCoursesMedia(courses, { mediaRoot: env.MEDIA_ROOT });
  console.log(`Media ready: ${media.generated} generated, ${media.cached} cached (${(media.elapsedMs / 1000).toFixed(1)} s).`);
  if (media.failures.length) {
    // A course with an unusable source is not imported half; the message names each file.
    throw new Error(`Unusable sources:\n${media.failures.map((f) => `  ${f.id}: ${f.message}`).join("\n")}`);
  }

  const db = createDb(env.DATABASE_URL);
  const totals = { parts: 0, segments: 0, seconds: 0 };
  try {
    for (const course of courses) {
      // The landing page's cover and portraits (drawn once, cached like the videos).
      const images = await ensureCourseImages(course, env.MEDIA_ROOT);
      const result = await importCourse(db, course, media.facts.get(course.slug)!, { images });
      // The course ZIP's layout needs each file's CRC-32: read once here (skipped for files
      // whose stored CRC still matches), so no download request ever has to.
      await storeCourseZipCrcs(db, env.MEDIA_ROOT, course.slug);
      totals.parts += result.parts;
      totals.segments += result.segments;
      totals.seconds += result.durationSeconds;
      const changed = result.archived.segments + result.restored.segments + result.removed.parts;
      console.log(
        `  ${course.slug}: ${result.parts} parts, ${result.segments} segments, ${result.assets} media assets, ` +
          `${hms(result.durationSeconds)}${changed ? ` (archived ${result.archived.segments}, restored ${result.restored.segments} segments; removed ${result.removed.parts} parts)` : ""}`,
      );
    }
    // The public default password only ever goes with the default local address.
    const admin = {
      ...DEFAULT_ADMIN,
      email: process.env.ADMIN_EMAIL ?? DEFAULT_ADMIN.email,
      password: process.env.ADMIN_PASSWORD ?? (process.env.ADMIN_EMAIL ? null : DEFAULT_ADMIN.password),
    };
    const { outcome } = await ensureAdmin(db, admin);
    const said = {
      created: "created",
      unchanged: "exists (password left as it is)",
      promoted:
        "promoted from an existing account: its password was removed and its sessions ended — its owner sets a new one with \"Forgot your password?\" (the link goes to that address)",
    };
    console.log(`  admin account ${admin.email} ${said[outcome]}`);
    const coupons = await seedCoupons(db);
    console.log(`  coupons: ${coupons.created.length ? `created ${coupons.created.join(", ")}` : "up to date"}`);
    // A demo organisation (issue 11): verified addresses @acme.test are licensed the first paid
    // course for a year; `npm run dev:oidc` gives it a local identity provider (README).
    const licensed = await db.course.findFirst({ where: { priceCents: { gt: 0 } }, orderBy: { catalogPosition: "asc" }, select: { id: true, slug: true } });
    if (licensed) {
      await createLicensedOrganisation(db, {
        slug: DEMO_ORGANISATION.slug,
        name: DEMO_ORGANISATION.name,
        domains: [DEMO_ORGANISATION.domain],
        courseIds: [licensed.id],
        endsAt: new Date(Date.now() + 365 * 86_400_000),
      });
      console.log(`  organisation ${DEMO_ORGANISATION.name}: @${DEMO_ORGANISATION.domain} licensed ${licensed.slug} for a year`);
    }
    // Demo accounts with public passwords only where the admin is the local default too.
    if (!process.env.ADMIN_EMAIL) {
      const team = await seedDemoTeam({ db, env }, "enterprise-software-with-python");
      if (team !== "no-course") {
        console.log(`  demo team: ${team} (lead ${DEMO_LEAD.email} / ${DEMO_LEAD.password}, member ${DEMO_MEMBER.email} / ${DEMO_MEMBER.password})`);
      }
    }
  } finally {
    await db.$disconnect();
  }
  console.log(
    `Seeded ${courses.length} courses, ${totals.parts} parts, ${totals.segments} segments, ${hms(totals.seconds)} of video.`,
  );
}

main().catch((error: unknown) => {
  // Problems a person can fix get one line; anything else is a bug and keeps its stack.
  if (error instanceof ManifestError) console.error(error.message);
  else if (error instanceof AppError) console.error(`seed: ${error.message}`);
  else console.error(`seed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
