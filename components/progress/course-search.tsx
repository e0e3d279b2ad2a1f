"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import type { TCourseSearchResult } from "@/lib/search/search-course";
import { formatClock } from "@/lib/player/format-clock";
import { captionLanguageLabel } from "@/lib/ingest/caption-language";

/**
 * One box that searches every segment's transcript (GET /api/courses/<c>/search). Results
 * link to the moment (`?t=`); segments the viewer cannot watch match by title only.
 */
export function CourseSearch({ courseSlug }: { courseSlug: string }) {
  const id = useId();
  const [result, setResult] = useState<TCourseSearchResult | null>(null);
  const [message, setMessage] = useState("");
  const seq = useRef(0);

  const search = async (q: string) => {
    const mine = ++seq.current;
    if (q.trim().length < 2) {
      setResult(null);
      setMessage("Type at least 2 characters.");
      return;
    }
    setMessage("Searching…");
    try {
      const res = await fetch(`/api/courses/${courseSlug}/search?q=${encodeURIComponent(q)}`);
      if (mine !== seq.current) return;
      if (!res.ok) {
        setMessage("Search is unavailable right now.");
        return;
      }
      const data = (await res.json()) as TCourseSearchResult;
      setResult(data);
      const n = data.segments.length;
      setMessage(n === 0 ? `Nothing found for “${data.query}”.` : `${n} ${n === 1 ? "segment" : "segments"} match “${data.query}”.`);
    } catch {
      if (mine === seq.current) setMessage("Search is unavailable right now.");
    }
  };

  return (
    <section className="course-search" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Search this course</h2>
      <form
        role="search"
        className="course-search__form"
        action={`/api/courses/${courseSlug}/search`}
        onSubmit={(e) => {
          e.preventDefault();
          void search(String(new FormData(e.currentTarget).get("q") ?? ""));
        }}
      >
        <label htmlFor={id}>Words said in any segment, or a title</label>
        <div className="course-search__row">
          <input id={id} name="q" type="search" minLength={2} maxLength={100} required autoComplete="off" />
          <button className="button" type="submit">
            Search
          </button>
        </div>
      </form>
      <p className="course-search__status" role="status">
        {message}
      </p>
      {result && result.segments.length > 0 ? (
        <ol className="course-search__results" data-testid="search-results">
          {result.segments.map((s) => (
            <li key={s.slug} className="course-search__segment" data-slug={s.slug}>
              <Link href={s.href} className="course-search__title">
                {s.number} {s.title}
              </Link>
              {s.locked ? <span className="badge">Title match · in the full course</span> : null}
              {s.hits.length > 0 ? (
                <ul className="course-search__hits">
                  {s.hits.map((h) => (
                    <li key={`${h.language}-${h.start}`}>
                      <Link href={h.href}>
                        <span className="course-search__time">{formatClock(h.start)}</span>{" "}
                        {h.language !== "en" ? <span className="badge">{captionLanguageLabel(h.language)}</span> : null}{" "}
                        <span lang={h.language}>{h.text}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
