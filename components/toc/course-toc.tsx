import Link from "next/link";
import type { TToc } from "@/lib/catalog/get-course-toc";
import { formatDuration, formatTotal } from "@/lib/catalog/format-duration";
import { LockIcon, PlayIcon } from "../icons";

type TCourseTocProps = {
  toc: TToc;
  /** The segment being watched, highlighted and announced as current. */
  currentSlug?: string;
  compact?: boolean;
};

/** The chaptered table of contents: parts in order, segments with durations, free/locked marks. */
export function CourseToc({ toc, currentSlug, compact = false }: TCourseTocProps) {
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
                {part.free && course.priceCents > 0 ? (
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
                return (
                  <li key={s.id} data-testid="toc-segment" data-slug={s.slug} data-free={s.free}>
                    <Link
                      href={`/courses/${course.slug}/${s.slug}`}
                      className={`toc__segment${current ? " toc__segment--current" : ""}${s.free ? "" : " toc__segment--locked"}`}
                      aria-current={current ? "page" : undefined}
                    >
                      <span className="toc__segment-number">{s.number}</span>
                      <span className="toc__segment-text">
                        <span className="toc__segment-title">{s.title}</span>
                        {s.subtitle && !compact ? <span className="toc__segment-subtitle">{s.subtitle}</span> : null}
                      </span>
                      <span className="toc__segment-status">
                        {s.free ? <PlayIcon className="icon icon--play" /> : <LockIcon label="Locked" className="icon icon--lock" />}
                      </span>
                      <span className="toc__segment-duration">
                        <time dateTime={`PT${Math.round(s.durationSeconds)}S`}>{formatDuration(s.durationSeconds)}</time>
                      </span>
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
