"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import { activeCueIndex, type TVttCue } from "@/lib/player/parse-webvtt";
import { formatClock } from "@/lib/player/format-clock";

type TTranscriptPanelProps = {
  cues: TVttCue[] | null;
  currentTime: number;
  onSeek: (seconds: number) => void;
  /** Every captions language of the segment; a picker appears when there is more than one. */
  languages?: { language: string; label: string }[];
  language?: string;
  onLanguageChange?: (language: string) => void;
};

function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;
}

/**
 * The captions as a transcript beside the video: the cue being spoken is highlighted and
 * kept in view (scrolling the list only, never the page; instantly under reduced motion);
 * each cue is a button that seeks there; the search box filters cues and Enter jumps to the
 * first match.
 */
export function TranscriptPanel({ cues, currentTime, onSeek, languages = [], language, onLanguageChange }: TTranscriptPanelProps) {
  const [query, setQuery] = useState("");
  const listRef = useRef<HTMLOListElement>(null);
  const searchId = useId();
  const statusId = useId();
  const active = cues ? activeCueIndex(cues, currentTime) : -1;
  const words = query.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const shown = useMemo(
    () =>
      (cues ?? [])
        .map((cue, index) => ({ cue, index }))
        .filter(({ cue }) => words.every((w) => cue.text.toLocaleLowerCase().includes(w))),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- words derives from query
    [cues, query],
  );

  useEffect(() => {
    const list = listRef.current;
    if (!list || active < 0 || words.length > 0) return;
    const item = list.querySelector<HTMLElement>(`[data-cue-index="${active}"]`);
    if (!item) return;
    const top = item.offsetTop - list.offsetTop;
    if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) {
      list.scrollTo({ top: Math.max(0, top - list.clientHeight / 3), behavior: prefersReducedMotion() ? "auto" : "smooth" });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the active cue changes
  }, [active]);

  return (
    <section className="transcript" aria-labelledby={`${searchId}-title`} data-testid="transcript">
      <div className="transcript__head">
        <h2 className="transcript__title" id={`${searchId}-title`}>
          Transcript
        </h2>
        {languages.length > 1 ? (
          <div className="transcript__language">
            <label htmlFor={`${searchId}-language`} className="visually-hidden">
              Transcript language
            </label>
            <select
              id={`${searchId}-language`}
              value={language}
              onChange={(e) => onLanguageChange?.(e.target.value)}
              data-testid="transcript-language"
            >
              {languages.map((l) => (
                <option key={l.language} value={l.language}>
                  {l.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <form
          role="search"
          className="transcript__search"
          onSubmit={(e) => {
            e.preventDefault();
            const first = shown[0];
            if (first) onSeek(first.cue.start);
          }}
        >
          <label htmlFor={searchId} className="visually-hidden">
            Search the transcript
          </label>
          <input
            id={searchId}
            type="search"
            placeholder="Search transcript"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby={statusId}
            autoComplete="off"
          />
        </form>
      </div>
      <p id={statusId} className="transcript__status" aria-live="polite">
        {cues === null
          ? "Loading transcript…"
          : cues.length === 0
            ? "No transcript for this segment."
            : words.length > 0
              ? `${shown.length} ${shown.length === 1 ? "match" : "matches"}${shown.length ? " — press Enter to jump to the first" : ""}`
              : ""}
      </p>
      <ol className="transcript__cues" ref={listRef} tabIndex={-1} aria-label="Transcript cues" lang={language}>
        {shown.map(({ cue, index }) => (
          <li key={index} data-cue-index={index}>
            <button
              type="button"
              className={`transcript__cue${index === active ? " transcript__cue--active" : ""}`}
              aria-current={index === active ? "true" : undefined}
              onClick={() => onSeek(cue.start)}
            >
              <span className="transcript__time">{formatClock(cue.start)}</span>
              <span className="transcript__text">{cue.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
