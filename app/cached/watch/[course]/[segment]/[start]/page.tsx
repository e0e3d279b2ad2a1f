import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ANONYMOUS } from "@/lib/access/viewer";
import { ZSegmentParams } from "@/lib/catalog/route-params";
import { SHARED_PAGE_MAX_AGE_SECONDS } from "@/lib/catalog/catalog-cache";
import { loadWatchMetadata, loadWatchPage } from "@/lib/catalog/load-watch-page.server";
import { WatchPageView } from "@/components/watch/watch-page-view";
import "../../../../../player.css";

// The shared copy of a watch page, as an anonymous visitor sees it (issue 12,
// docs/decisions/019-cached-pages.md). The proxy sends an anonymous GET of
// /courses/<course>/<segment> here as `play`, and of …?autoplay=1 as `autoplay` (a rewrite: the
// address stays), and refuses this path when asked for directly. A free segment carries its
// signed free-preview URLs (no user in them), a locked one its lock and Buy button. `force-static`
// makes cookies() and headers() empty for the whole render, so nothing personal can get in.
// Dropped at once on this instance by an admin change (CATALOG_TAG: a segment made paid or
// unpublished is never served from here again), never older than PUBLIC_CACHE_SECONDS.
export const dynamic = "force-static";
export const revalidate = 15;

/** None at build time (the build has no catalog): each page is rendered on its first visit. */
export function generateStaticParams(): { course: string; segment: string; start: string }[] {
  return [];
}

type TProps = { params: Promise<{ course: string; segment: string; start: string }> };

const ZParams = ZSegmentParams.extend({ start: z.enum(["play", "autoplay"]) });

async function paramsOf(params: TProps["params"]) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { course, segment } = await paramsOf(params);
  const metadata = await loadWatchMetadata(course, segment, ANONYMOUS, SHARED_PAGE_MAX_AGE_SECONDS);
  if (!metadata) notFound();
  return metadata;
}

export default async function CachedWatchPage({ params }: TProps) {
  const { course, segment, start } = await paramsOf(params);
  const data = await loadWatchPage(
    course,
    segment,
    ANONYMOUS,
    { autoplay: start === "autoplay", t: undefined, coupon: undefined },
    SHARED_PAGE_MAX_AGE_SECONDS,
  );
  if (!data) notFound();
  return <WatchPageView data={data} />;
}
