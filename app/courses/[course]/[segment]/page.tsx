import type { Metadata } from "next";
import { cache } from "react";
import { preload } from "react-dom";
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
import { hlsPreloads } from "@/lib/media/hls-preloads";
import { mediaExtras } from "@/lib/player/media-extras";
import { parseStartTime } from "@/lib/player/start-time";
import { getCourseProgress } from "@/lib/progress/course-progress";
import { readPreferences } from "@/lib/progress/preferences";
import { readSegmentProgress } from "@/lib/progress/read-progress";
import { CourseToc } from "@/components/toc/course-toc";
import { LockedSegment } from "@/components/player/locked-segment";
import { LockIcon } from "@/components/icons";
import { WatchExperience } from "@/components/player/watch-experience";
import { WatchLayout, WatchPanel } from "@/components/player/watch-tabs";
import { ProgressSync } from "@/components/progress/progress-sync";
import "../../../player.css";

export const dynamic = "force-dynamic";

type TProps = {
  params: Promise<{ course: string; segment: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(params: TProps["params"]) {
  const parsed = ZSegmentParams.safeParse(await params);
  if (!parsed.success) notFound();
  return loadSegmentPage(parsed.data.course, parsed.data.segment);
}

// Metadata and page share one load per request (React's request-scoped cache).
const loadSegmentPage = cache(async (course: string, segment: string) => {
  const viewer = await getViewer();
  const [found, toc] = await Promise.all([loadSegmentAccess(db, viewer, course, segment), getCourseToc(db, course, viewer)]);
  if (!found || !toc) notFound();
  // Only admins reach a segment without media (lib/catalog/visibility.ts): nothing to play yet.
  const hasMedia = found.segment.assets.some((a) => a.kind === "hls-master");
  const playback = found.access.allowed && hasMedia
    ? segmentMediaUrls(found.segment, tokenUserOf(viewer, found), {
        secret: playbackDeps.secret,
        ttlSeconds: playbackDeps.ttlSeconds,
        nowSeconds: playbackDeps.nowSeconds(),
      })
    : null;
  return { ...found, viewer, toc, playback, hasMedia };
});

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { segment, toc } = await load(params);
  return { title: `${segment.title} — ${toc.course.title}` };
}

export default async function SegmentPage({ params, searchParams }: TProps) {
  const { segment, access, toc, playback, viewer, entitlement, hasMedia } = await load(params);
  const query = await searchParams;
  const autoplay = query.autoplay === "1";
  if (playback && !(autoplay && playback.mp4)) {
    // Fetch the playlists while the player's JavaScript loads: VHS finds them in the cache
    // instead of waiting for master → variant round trips after hydration. Not on an autoplay
    // load, whose server-rendered MP4 plays first: over HTTP/1.1 they would take two of the six
    // connections the MP4 waits for (ADR 008).
    for (const href of hlsPreloads(playback)) preload(href, { as: "fetch", crossOrigin: "anonymous" });
  }
  const courseHref = `/courses/${toc.course.slug}`;
  // A campaign link's coupon stays on the way to checkout (validated there).
  const coupon = [query.coupon].flat()[0]?.trim().slice(0, 40);
  const checkoutHref = `${courseHref}/checkout${coupon ? `?coupon=${encodeURIComponent(coupon)}` : ""}`;
  const firstFree = toc.parts.flatMap((p) => p.segments).find((s) => s.free && s.slug !== segment.slug) ?? null;
  const { previous, next } = neighbours(toc, segment.slug);
  const number = toc.parts.flatMap((p) => p.segments).find((s) => s.slug === segment.slug)?.number;
  const userId = viewer.kind === "user" ? viewer.userId : null;
  const [preferences, saved, courseProgress] = await Promise.all([
    userId ? readPreferences(db, userId) : null,
    userId && playback ? readSegmentProgress(db, userId, segment.id) : null,
    userId ? getCourseProgress(db, userId, toc) : null,
  ]);
  // The next segment is open when it is free or the viewer may watch the whole course: the
  // same decision, no second lookup.
  const nextLocked = next ? !next.free && !entitlement.entitled : false;
  const price = formatPrice(toc.course.priceCents, toc.course.currency);

  return (
    <WatchLayout tabbed={playback !== null}>
      <div className="watch__main">
        <p className="breadcrumb">
          <Link href={courseHref}>{toc.course.title}</Link> <span aria-hidden="true">›</span> Part{" "}
          {segment.part.position}: {segment.part.title}
        </p>
        {playback ? (
          <WatchExperience
            playback={playback}
            extras={mediaExtras(segment, playback)}
            courseSlug={toc.course.slug}
            segmentSlug={segment.slug}
            startAt={parseStartTime(query.t, segment.durationSeconds)}
            resumeAt={saved?.positionSeconds ?? null}
            initiallyCompleted={saved?.completed ?? false}
            preferences={preferences}
            next={
              next
                ? {
                    href: `${courseHref}/${next.slug}`,
                    title: next.title,
                    number: next.number,
                    locked: nextLocked,
                  }
                : null
            }
            buyHref={checkoutHref}
            price={price}
            autoplay={autoplay}
          />
        ) : !hasMedia ? (
          <p className="watch__pending" data-testid="no-media-yet">
            No media yet: this segment is hidden from learners until its upload has been transcoded.
          </p>
        ) : access.allowed ? null : (
          <LockedSegment
            reason={access.reason}
            price={price}
            buyHref={checkoutHref}
            signInHref={`/sign-in?next=${encodeURIComponent(`${courseHref}/${segment.slug}`)}`}
            freeHref={firstFree ? `${courseHref}/${firstFree.slug}` : null}
            freeSegmentCount={toc.course.freeSegmentCount}
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
          {next && nextLocked ? (
            // Never the primary way forward into the paywall: the offer is the primary action.
            <Link className="button button--locked" rel="next" href={`${courseHref}/${next.slug}`} data-testid="next-locked">
              <LockIcon label="Locked" className="icon icon--lock" /> {next.title} →
            </Link>
          ) : next ? (
            <Link className="button button--primary" rel="next" href={`${courseHref}/${next.slug}`}>
              {next.title} →
            </Link>
          ) : null}
        </nav>
      </div>
      <WatchPanel name="contents">
        <aside className="watch__toc" aria-labelledby="watch-toc-heading">
          {/* Keeps the heading outline h1 → h2 → h3 (Lighthouse/axe heading-order). */}
          <h2 id="watch-toc-heading" className="visually-hidden">
            Course contents
          </h2>
          <CourseToc
            toc={toc}
            currentSlug={segment.slug}
            compact
            progress={courseProgress?.bySegment}
            entitled={entitlement.entitled}
          />
        </aside>
      </WatchPanel>
      <ProgressSync signedIn={userId !== null} refresh={false} />
    </WatchLayout>
  );
}
