import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { getViewer } from "@/lib/access/get-viewer.server";
import { loadCourseMetadata, loadCoursePage } from "@/lib/catalog/load-course-page.server";
import { CoursePageView } from "@/components/catalog/course-page-view";
import "../../commerce.css";
import "../../teams/teams.css";
import "../../player.css";
import "../../landing.css";

// Rendered per request for a signed-in viewer (their buy-box, progress, notes, assignments) and
// for a query string (?coupon=). An anonymous visitor without one is answered from the shared
// cached render, app/cached/courses/[course] (proxy.ts, lib/http/decide-cached-page.ts, issue 12).
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
  const data = await loadCoursePage(slug, await getViewer(), coupon);
  if (!data) notFound();
  return <CoursePageView data={data} />;
}
