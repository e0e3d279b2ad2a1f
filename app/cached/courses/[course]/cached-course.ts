import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ANONYMOUS } from "@/lib/access/viewer";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { loadCourseMetadata } from "@/lib/catalog/load-course-page.server";

// What the two shared renders of a course page (the anonymous copy and the viewer shell) share.

export type TCachedCourseProps = { params: Promise<{ course: string }> };

export async function slugOf(params: TCachedCourseProps["params"]): Promise<string> {
  const parsed = ZCourseParams.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data.course;
}

/** The same for every viewer who is not an admin: the public title, summary and link preview. */
export async function cachedCourseMetadata({ params }: TCachedCourseProps): Promise<Metadata> {
  const metadata = await loadCourseMetadata(await slugOf(params), ANONYMOUS);
  if (!metadata) notFound();
  return metadata;
}
