import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ANONYMOUS } from "@/lib/access/viewer";
import { loadCourseShared } from "@/lib/catalog/load-course-page.server";
import { CoursePageView } from "@/components/catalog/course-page-view";
import { cachedCourseMetadata, slugOf, type TCachedCourseProps } from "../cached-course";
import "../../../../commerce.css";
import "../../../../teams/teams.css";
import "../../../../player.css";
import "../../../../landing.css";

// The viewer shell of a course page (issue 12, docs/decisions/019-cached-pages.md): what a
// signed-in viewer's GET of /courses/<slug> is answered with (a rewrite by the proxy). One shared
// render for every signed-in viewer, cached like the anonymous copy beside it, `force-static`
// so no cookie or header reaches it: its per-viewer parts (header account, buy-box, progress,
// locks and ticks, assignments, notes) are placeholders that keep their space, filled in the
// browser from GET /api/viewer/course/<slug> — which decides with the one entitlement decision,
// per request, never cached. A stale cookie gets the same shell; the JSON says "anonymous".
export const dynamic = "force-static";
export const revalidate = 15;

export function generateStaticParams(): { course: string }[] {
  return [];
}

export async function generateMetadata(props: TCachedCourseProps): Promise<Metadata> {
  return cachedCourseMetadata(props);
}

export default async function CourseViewerShell({ params }: TCachedCourseProps) {
  const slug = await slugOf(params);
  const shared = await loadCourseShared(slug, ANONYMOUS);
  if (!shared) notFound();
  return <CoursePageView shared={shared} viewer={{ src: `/api/viewer/course/${shared.toc.course.slug}` }} />;
}
