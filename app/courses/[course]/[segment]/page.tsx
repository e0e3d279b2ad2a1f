import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getViewer } from "@/lib/access/get-viewer.server";
import { ZSegmentParams } from "@/lib/catalog/route-params";
import { loadWatchMetadata, loadWatchPage } from "@/lib/catalog/load-watch-page.server";
import { WatchPageView } from "@/components/watch/watch-page-view";
import "../../../player.css";

// Rendered per request: a signed-in viewer (their token, progress, preferences), and a query
// string other than ?autoplay=1 (?t=, ?coupon=). The view is shared with the anonymous copy.
export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ course: string; segment: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// One viewer object per request, so metadata and page share the loader's request cache.
const viewerOfRequest = cache(getViewer);

async function paramsOf(params: TProps["params"]) {
  const parsed = ZSegmentParams.safeParse(await params);
  if (!parsed.success) notFound();
  return parsed.data;
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { course, segment } = await paramsOf(params);
  const metadata = await loadWatchMetadata(course, segment, await viewerOfRequest());
  if (!metadata) notFound();
  return metadata;
}

export default async function SegmentPage({ params, searchParams }: TProps) {
  const { course, segment } = await paramsOf(params);
  const query = await searchParams;
  const data = await loadWatchPage(course, segment, await viewerOfRequest(), {
    autoplay: query.autoplay === "1",
    t: query.t,
    coupon: query.coupon,
  });
  if (!data) notFound();
  return <WatchPageView data={data} />;
}
