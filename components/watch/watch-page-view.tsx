import { preload } from "react-dom";
import Link from "next/link";
import type { TWatchPageData } from "@/lib/catalog/load-watch-page.server";
import { formatDuration } from "@/lib/catalog/format-duration";
import { hlsPreloads } from "@/lib/media/hls-preloads";
import { mediaExtras } from "@/lib/player/media-extras";
import { CourseToc } from "@/components/toc/course-toc";
import { LockedSegment } from "@/components/player/locked-segment";
import { LockIcon } from "@/components/icons";
import { WatchExperience } from "@/components/player/watch-experience";
import { WatchLayout, WatchPanel } from "@/components/player/watch-tabs";
import { ProgressSync } from "@/components/progress/progress-sync";

/**
 * The watch page (player or lock, title, previous/next, table of contents) for one viewer, from
 * what loadWatchPage read. The same view renders the signed-in viewer's own page
 * (app/courses/[course]/[segment]) and the shared anonymous copy (app/cached/watch, issue 12).
 */
export function WatchPageView({ data }: { data: TWatchPageData }) {
  const { segment, access, toc, playback, entitlement, hasMedia, userId, autoplay, next, previous } = data;
  if (playback && !playback.mp4) {
    // Fetch the playlists while the player's JavaScript loads: VHS finds them in the cache
    // instead of waiting for master → variant round trips after hydration. Only for a segment
    // without a progressive MP4: the player starts every other load on the MP4 (ADR 008).
    for (const href of hlsPreloads(playback)) preload(href, { as: "fetch", crossOrigin: "anonymous" });
  }

  return (
    <WatchLayout tabbed={playback !== null}>
      <div className="watch__main">
        <p className="breadcrumb">
          <Link href={data.courseHref}>{toc.course.title}</Link> <span aria-hidden="true">›</span> Part{" "}
          {segment.part.position}: {segment.part.title}
        </p>
        {playback ? (
          <WatchExperience
            playback={playback}
            extras={mediaExtras(segment, playback)}
            courseSlug={toc.course.slug}
            segmentSlug={segment.slug}
            startAt={data.startAt}
            resumeAt={data.saved?.positionSeconds ?? null}
            initiallyCompleted={data.saved?.completed ?? false}
            preferences={data.preferences}
            next={next}
            buyHref={data.checkoutHref}
            price={data.price}
            autoplay={autoplay}
          />
        ) : !hasMedia ? (
          <p className="watch__pending" data-testid="no-media-yet">
            No media yet: this segment is hidden from learners until its upload has been transcoded.
          </p>
        ) : access.allowed ? null : (
          <LockedSegment
            reason={access.reason}
            price={data.price}
            buyHref={data.checkoutHref}
            signInHref={data.signInHref}
            freeHref={data.firstFreeHref}
            freeSegmentCount={toc.course.freeSegmentCount}
          />
        )}
        <div className="watch__info">
          <h1 className="watch__title">
            <span className="watch__number">{data.number}</span> {segment.title}
          </h1>
          {segment.subtitle ? <p className="watch__subtitle">{segment.subtitle}</p> : null}
          <p className="watch__meta">{formatDuration(segment.durationSeconds)}</p>
        </div>
        <nav className="prev-next" aria-label="Previous and next segment">
          {previous ? (
            <Link className="button" rel="prev" href={previous.href}>
              ← {previous.title}
            </Link>
          ) : (
            <span />
          )}
          {next && next.locked ? (
            // Never the primary way forward into the paywall: the offer is the primary action.
            <Link className="button button--locked" rel="next" href={next.href} data-testid="next-locked">
              <LockIcon label="Locked" className="icon icon--lock" /> {next.title} →
            </Link>
          ) : next ? (
            <Link className="button button--primary" rel="next" href={next.href}>
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
            progress={data.courseProgress?.bySegment}
            entitled={entitlement.entitled}
          />
        </aside>
      </WatchPanel>
      <ProgressSync signedIn={userId !== null} refresh={false} />
    </WatchLayout>
  );
}
