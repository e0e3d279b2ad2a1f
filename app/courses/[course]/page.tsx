import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { getCurrentUser, getViewer } from "@/lib/access/get-viewer.server";
import { loadCourseMetadata, loadCoursePage } from "@/lib/catalog/load-course-page.server";
import { CoursePageView } from "@/components/catalog/course-page-view";
import "../../commerce.css";
import "../../teams/teams.css";
import "../../player.css";
import "../../landing.css";

// Rendered per request for a query string (?coupon=, Next's navigations, ?view=mine from the
// shell's fallbacks) and for an admin (lib/viewer/per-request-cookie.ts). A plain GET is
// answered from a shared render instead (proxy.ts, lib/http/decide-cached-page.ts, issue 12):
// app/cached/courses/[course] for an anonymous visitor, its viewer shell for a signed-in one.
export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ course: string }>; searchParams?: Promise<{ coupon?: string | string[] }> };

async function slugOf(params: TProps["params"]): Promise<string> {
  const parsed = ZCourseParams.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data.course;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const metadata = await loadCourseMetadata(await slugOf(params), await getViewer());
  if (!metadata) notFound();
  return metadata;
}

export default async function CoursePage({ params, searchParams }: TProps) {
  const slug = await slugOf(params);
  // Keep a ?coupon= from a campaign link on the way to checkout (validated there).
  const coupon = [(await searchParams)?.coupon].flat()[0]?.trim().slice(0, 40) || null;
  const data = await loadCoursePage(slug, await getCurrentUser());
  if (!data) notFound();
  return <CoursePageView shared={data.shared} viewer={{ initial: data.state }} coupon={coupon} />;
}
