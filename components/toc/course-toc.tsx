import Link from "next/link";
import type { TToc } from "@/lib/catalog/get-course-toc";
import { formatDuration, formatTotal } from "@/lib/catalog/format-duration";
import { LockIcon, PlayIcon } from "../icons";

/** Per segment id: what the signed-in viewer has watched (lib/progress/course-progress.ts). */
export type TTocProgress = Record<string, { completed: boolean; watchedSeconds: number }>;

type TCourseTocProps = {
  toc: TToc;
  /** The segment being watched, highlighted and announced as current. */
  currentSlug?: string;
  compact?: boolean;
  /** Check marks for watched segments (signed-in viewers). */
  progress?: TTocProgress;
  /**
   * The viewer may watch the whole course (lib/access's course entitlement): no locks, no
   * "free preview" badges — every segment is theirs.
   */
  entitled?: boolean;
  /**
   * The viewer's access is not known yet (the viewer shell, issue 12): a neutral mark in every
   * status slot and the free-preview badges' space kept, never a lock or a play mark that may be wrong.
   */
  pending?: boolean;
};

/** The chaptered table of contents: parts in order, segments with durations, free/locked marks. */
export function CourseToc({ toc, currentSlug, compact = false, progress, entitled = false, pending = false }: TCourseTocProps) {
  const { course, parts } = toc;
  return (
    <nav className={`toc${compact ? " toc--compact" : ""}`} aria-label="Table of contents">
      <ol className="toc__parts">
        {parts.map((part) => (
          <li key={part.id} className="toc__part" data-testid="toc-part">
            <div className="toc__part-head">
              <h3 className="toc__part-title">
                <span className="toc__part-number">Part {part.position}</span> {part.title}
              </h3>
              <div className="toc__part-meta">
                {part.free && course.priceCents > 0 && pending ? (
                  <span className="badge badge--free badge--pending" aria-hidden="true">
                    Free preview
                  </span>
                ) : part.free && course.priceCents > 0 && !entitled ? (
                  <span className="badge badge--free" data-testid="free-badge">
                    Free preview
                  </span>
                ) : null}
                <span className="toc__part-total">
                  {part.segments.length} segments · {formatTotal(part.totalSeconds)}
                </span>
              </div>
              {!compact && part.summary ? <p className="toc__part-summary">{part.summary}</p> : null}
            </div>
            <ol className="toc__segments">
              {part.segments.map((s) => {
                const current = s.slug === currentSlug;
                const done = progress?.[s.id]?.completed === true;
                const watched = progress?.[s.id]?.watchedSeconds ?? 0;
                const started = !done && watched > 0;
                const open = entitled || s.free;
                // Partial progress: the share of the segment honestly watched (watched ranges).
                const percent = started && s.durationSeconds > 0 ? Math.min(99, Math.round((watched / s.durationSeconds) * 100)) : 0;
                return (
                  <li
                    key={s.id}
                    data-testid="toc-segment"
                    data-slug={s.slug}
                    data-free={s.free}
                    data-locked={pending ? undefined : !open}
                    data-completed={done || undefined}
                  >
                    <Link
                      href={`/courses/${course.slug}/${s.slug}`}
                      // Beside the player, prefetching ~30 pages would compete with the video's
                      // first segments for the server (measured: bench/player.ts).
                      prefetch={compact ? false : undefined}
                      className={`toc__segment${current ? " toc__segment--current" : ""}${open || pending ? "" : " toc__segment--locked"}`}
                      aria-current={current ? "page" : undefined}
                    >
                      <span className="toc__segment-number">{s.number}</span>
                      <span className="toc__segment-text">
                        <span className="toc__segment-title">{s.title}</span>
                        {s.subtitle && !compact ? <span className="toc__segment-subtitle">{s.subtitle}</span> : null}
                      </span>
                      <span className="toc__segment-status">
                        {pending ? (
                          <span className="icon icon--pending" aria-hidden="true" data-testid="toc-pending" />
                        ) : done ? (
                          <WatchedIcon />
                        ) : open ? (
                          <PlayIcon className="icon icon--play" />
                        ) : (
                          <LockIcon label="Locked" className="icon icon--lock" />
                        )}
                        {started ? <span className="visually-hidden">Started, {percent} % watched</span> : null}
                      </span>
                      <span className="toc__segment-duration">
                        <time dateTime={`PT${Math.round(s.durationSeconds)}S`}>{formatDuration(s.durationSeconds)}</time>
                      </span>
                      {started ? (
                        <span className="toc__segment-partial" aria-hidden="true" data-testid="toc-partial">
                          <span style={{ width: `${Math.max(percent, 3)}%` }} />
                        </span>
                      ) : null}
                    </Link>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function WatchedIcon() {
  return (
    <svg className="icon icon--done" viewBox="0 0 24 24" width="16" height="16" role="img" aria-label="Watched" data-testid="toc-check">
      <circle cx="12" cy="12" r="10" fill="currentColor" />
      <path d="M7 12.5l3.2 3.2L17 9" fill="none" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
