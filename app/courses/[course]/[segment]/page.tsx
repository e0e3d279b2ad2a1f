import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { loadSegmentAccess, tokenUserOf } from "@/lib/access/require-segment-access";
import { getCourseToc } from "@/lib/catalog/get-course-toc";
import { neighbours } from "@/lib/catalog/neighbours";
import { ZSegmentParams } from "@/lib/catalog/route-params";
import { formatDuration, formatPrice } from "@/lib/catalog/format-duration";
import { segmentMediaUrls } from "@/lib/media/segment-media-urls";
import { playbackDeps } from "@/lib/media/playback-deps.server";
import { CourseToc } from "@/components/toc/course-toc";
import { LockedSegment } from "@/components/player/locked-segment";
import { VideoPlayer } from "@/components/player/video-player";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ course: string; segment: string }> };

async function load(params: TProps["params"]) {
  const parsed = ZSegmentParams.safeParse(await params);
  if (!parsed.success) notFound();
  const { course, segment } = parsed.data;
  const viewer = await getViewer();
  const [found, toc] = await Promise.all([loadSegmentAccess(db, viewer, course, segment), getCourseToc(db, course)]);
  if (!found || !toc) notFound();
  const playback = found.access.allowed
    ? segmentMediaUrls(found.segment, tokenUserOf(viewer, found), {
        secret: playbackDeps.secret,
        ttlSeconds: playbackDeps.ttlSeconds,
        nowSeconds: playbackDeps.nowSeconds(),
      })
    : null;
  return { ...found, toc, playback };
}

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { segment, toc } = await load(params);
  return { title: `${segment.title} — ${toc.course.title}` };
}

export default async function SegmentPage({ params }: TProps) {
  const { segment, access, toc, playback } = await load(params);
  const { previous, next } = neighbours(toc, segment.slug);
  const courseHref = `/courses/${toc.course.slug}`;
  const number = toc.parts.flatMap((p) => p.segments).find((s) => s.slug === segment.slug)?.number;

  return (
    <div className="watch">
      <div className="watch__main">
        <p className="breadcrumb">
          <Link href={courseHref}>{toc.course.title}</Link> <span aria-hidden="true">›</span> Part{" "}
          {segment.part.position}: {segment.part.title}
        </p>
        {playback ? (
          <VideoPlayer playback={playback} />
        ) : access.allowed ? null : (
          <LockedSegment
            courseSlug={toc.course.slug}
            reason={access.reason}
            price={formatPrice(toc.course.priceCents, toc.course.currency)}
          />
        )}
        <div className="watch__info">
          <h1 className="watch__title">
            <span className="watch__number">{number}</span> {segment.title}
          </h1>
          {segment.subtitle ? <p className="watch__subtitle">{segment.subtitle}</p> : null}
          <p className="watch__meta">{formatDuration(segment.durationSeconds)}</p>
        </div>
        <nav className="prev-next" aria-label="Previous and next segment">
          {previous ? (
            <Link className="button" rel="prev" href={`${courseHref}/${previous.slug}`}>
              ← {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next ? (
            <Link className="button button--primary" rel="next" href={`${courseHref}/${next.slug}`}>
              {next.title} →
            </Link>
          ) : null}
        </nav>
      </div>
      <aside className="watch__toc" aria-label="Course contents">
        <CourseToc toc={toc} currentSlug={segment.slug} compact />
      </aside>
    </div>
  );
}
