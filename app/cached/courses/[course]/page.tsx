import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { loadCoursePage } from "@/lib/catalog/load-course-page.server";
import { CoursePageView } from "@/components/catalog/course-page-view";
import { cachedCourseMetadata, slugOf, type TCachedCourseProps } from "./cached-course";
import "../../../commerce.css";
import "../../../teams/teams.css";
import "../../../player.css";
import "../../../landing.css";

// The shared copy of a course page, as an anonymous visitor sees it (issue 12,
// docs/decisions/019-cached-pages.md). The proxy sends an anonymous GET of /courses/<slug>
// without a query string here (a rewrite: the address stays /courses/<slug>) and refuses this
// path when asked for directly. Rendered on the first visit, then served from Next's cache:
// no database query, no session lookup. `force-static` makes cookies() and headers() empty for
// the whole render (the layout's session lookup included), so nothing personal can get in.
// Dropped at once on this instance by an admin change (CATALOG_TAG), and never older than
// PUBLIC_CACHE_SECONDS (lib/catalog/catalog-cache.ts; Next reads this literal statically).
export const dynamic = "force-static";
export const revalidate = 15;

/** None at build time (the build has no catalog): each course is rendered on its first visit. */
export function generateStaticParams(): { course: string }[] {
  return [];
}

export async function generateMetadata(props: TCachedCourseProps): Promise<Metadata> {
  return cachedCourseMetadata(props);
}

export default async function CachedCoursePage({ params }: TCachedCourseProps) {
  // The anonymous state is known without a query (no session, no grants: lib/viewer).
  const data = await loadCoursePage(await slugOf(params), null);
  if (!data) notFound();
  return <CoursePageView shared={data.shared} viewer={{ initial: data.state }} />;
}
