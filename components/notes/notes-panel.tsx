"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";
import { formatClock } from "@/lib/player/format-clock";
import { NOTE_MAX_CHARS } from "@/lib/notes/note-limits";
import type { TNote } from "@/lib/notes/note-schemas";

type TNotesPanelProps = {
  courseSlug: string;
  segmentSlug: string;
  signedIn: boolean;
  /** The player's current time, read when the learner starts a note. */
  currentTime: () => number;
  onSeek: (seconds: number) => void;
  /** Bumped by the player's N key: start a note at the current moment. */
  request: number;
};

async function errorOf(res: Response): Promise<string> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  return body?.error?.message ?? `The note could not be saved (${res.status}).`;
}

/**
 * The learner's private notes on this segment, beside the transcript: "Add note at 0:07"
 * takes the moment the learner started writing (N in the player, or focusing the box), each
 * note's time seeks there, and the whole course's notes export as Markdown.
 */
export function NotesPanel({ courseSlug, segmentSlug, signedIn, currentTime, onSeek, request }: TNotesPanelProps) {
  const [notes, setNotes] = useState<TNote[] | null>(null);
  const [text, setText] = useState("");
  const [at, setAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  const headingId = useId();
  const boxId = useId();

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    const query = new URLSearchParams({ course: courseSlug, segment: segmentSlug });
    void fetch(`/api/notes?${query}`, { cache: "no-store" })
      .then(async (res) => (res.ok ? ((await res.json()) as { notes: TNote[] }).notes : Promise.reject(new Error(await errorOf(res)))))
      .then((list) => live && setNotes(list))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [signedIn, courseSlug, segmentSlug]);

  const start = useCallback(() => {
    setAt(Math.floor(currentTime()));
    boxRef.current?.focus({ preventScroll: false });
  }, [currentTime]);

  useEffect(() => {
    if (request > 0 && signedIn) start();
  }, [request, signedIn, start]);

  async function add(event: React.FormEvent) {
    event.preventDefault();
    const moment = at ?? Math.floor(currentTime());
    if (!text.trim()) {
      setError("Write something first.");
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const res = await fetch("/api/notes", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ course: courseSlug, segment: segmentSlug, atSeconds: moment, text }),
      });
      if (!res.ok) throw new Error(await errorOf(res));
      const note = (await res.json()) as TNote;
      setNotes((list) => [...(list ?? []), note].sort((a, b) => a.atSeconds - b.atSeconds));
      setText("");
      setAt(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function remove(note: TNote) {
    setError(null);
    const res = await fetch(`/api/notes/${encodeURIComponent(note.id)}`, { method: "DELETE" });
    if (res.ok || res.status === 404) setNotes((list) => (list ?? []).filter((n) => n.id !== note.id));
    else setError(await errorOf(res));
  }

  return (
    <section className="notes" aria-labelledby={headingId} data-testid="notes">
      <div className="notes__head">
        <h2 className="notes__title" id={headingId}>
          Your notes
        </h2>
        {signedIn ? (
          <a className="notes__export" href={`/api/courses/${courseSlug}/notes`} download data-testid="notes-export">
            Export the course&apos;s notes (Markdown)
          </a>
        ) : null}
      </div>
      {!signedIn ? (
        <p className="notes__hint">
          <a href={`/sign-in?next=${encodeURIComponent(`/courses/${courseSlug}/${segmentSlug}`)}`}>Sign in</a> to keep private
          notes at any moment of a segment.
        </p>
      ) : (
        <>
          <form className="notes__form" onSubmit={add}>
            <label htmlFor={boxId} className="notes__label">
              {at !== null ? `Note at ${formatClock(at)}` : "New note (press N in the player)"}
            </label>
            <textarea
              id={boxId}
              ref={boxRef}
              className="notes__box"
              value={text}
              maxLength={NOTE_MAX_CHARS}
              rows={2}
              onFocus={() => setAt((t) => t ?? Math.floor(currentTime()))}
              onChange={(e) => setText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) void add(e);
                if (e.key === "Escape") {
                  setAt(null);
                  boxRef.current?.blur();
                }
              }}
              data-testid="note-text"
            />
            <button type="submit" className="button button--small" disabled={busy} data-testid="note-add">
              {at !== null ? `Add note at ${formatClock(at)}` : "Add note"}
            </button>
          </form>
          {error ? (
            <p className="notes__error" role="alert">
              {error}
            </p>
          ) : null}
          {notes && notes.length > 0 ? (
            <ol className="notes__list" data-testid="notes-list">
              {notes.map((note) => (
                <li key={note.id} className="notes__item" data-testid="note">
                  <button
                    type="button"
                    className="notes__time"
                    onClick={() => onSeek(note.atSeconds)}
                    aria-label={`Play from ${formatClock(note.atSeconds)}`}
                    data-testid="note-time"
                  >
                    {formatClock(note.atSeconds)}
                  </button>
                  <p className="notes__text">{note.text}</p>
                  <button
                    type="button"
                    className="notes__delete"
                    onClick={() => void remove(note)}
                    aria-label={`Delete the note at ${formatClock(note.atSeconds)}`}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ol>
          ) : notes ? (
            <p className="notes__hint">No notes on this segment yet.</p>
          ) : null}
        </>
      )}
    </section>
  );
}
