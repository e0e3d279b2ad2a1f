import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ANONYMOUS } from "@/lib/access/viewer";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { loadCourseMetadata, loadCoursePage } from "@/lib/catalog/load-course-page.server";
import { CoursePageView } from "@/components/catalog/course-page-view";
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

type TProps = { params: Promise<{ course: string }> };

async function slugOf(params: TProps["params"]): Promise<string> {
  const parsed = ZCourseParams.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data.course;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const metadata = await loadCourseMetadata(await slugOf(params), ANONYMOUS);
  if (!metadata) notFound();
  return metadata;
}

export default async function CachedCoursePage({ params }: TProps) {
  const data = await loadCoursePage(await slugOf(params), ANONYMOUS, null);
  if (!data) notFound();
  return <CoursePageView data={data} />;
}
