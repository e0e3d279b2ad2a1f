import { db } from "@/lib/db.server";
import { listCourses } from "@/lib/catalog/list-courses";
import { freePosterUrl } from "@/lib/media/free-poster-url";
import { playbackDeps } from "@/lib/media/playback-deps.server";
import { accessBadge, CourseCard } from "@/components/catalog/course-card";
import { COVER_SIZE, courseCoverUrl } from "@/lib/catalog/course-image-urls";
import { getViewer } from "@/lib/access/get-viewer.server";
import { loadCourseEntitlements } from "@/lib/access/load-course-entitlement";
import { getCatalogProgress } from "@/lib/progress/course-progress";
import { ProgressSync } from "@/components/progress/progress-sync";
import "./player.css";

export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const viewer = await getViewer();
  const courses = await listCourses(db, viewer);
  const userId = viewer.kind === "user" ? viewer.userId : null;
  // The one access decision, for every listed course at once: owners see "Owned".
  const [watched, entitlements] = await Promise.all([
    userId ? getCatalogProgress(db, userId) : null,
    loadCourseEntitlements(db, viewer, courses),
  ]);
  const signing = { secret: playbackDeps.secret, ttlSeconds: playbackDeps.ttlSeconds, nowSeconds: playbackDeps.nowSeconds() };
  return (
    <div className="page">
      <section className="hero">
        <h1>Courses</h1>
        <p className="hero__lead">Watch the free previews without an account. Buy once, stream and download forever.</p>
      </section>
      {courses.length === 0 ? (
        <p className="empty">No courses yet. Import one with <code>npx prisma db seed</code>.</p>
      ) : (
        <div className="course-grid">
          {courses.map((c) => (
            <CourseCard
              key={c.slug}
              course={c}
              image={
                c.coverVersion
                  ? { src: courseCoverUrl(c.slug, c.coverVersion), ...COVER_SIZE }
                  : c.coverSegmentSlug
                    ? { src: freePosterUrl(signing, c.slug, c.coverSegmentSlug), width: 640, height: 360 }
                    : null
              }
              completedSegments={watched ? (watched[c.slug] ?? 0) : null}
              access={accessBadge(entitlements.get(c.id))}
            />
          ))}
        </div>
      )}
      <ProgressSync signedIn={userId !== null} />
    </div>
  );
}
