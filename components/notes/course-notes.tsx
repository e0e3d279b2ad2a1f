import Link from "next/link";
import type { TToc } from "@/lib/catalog/get-course-toc";
import type { TNote } from "@/lib/notes/note-schemas";
import { formatClock } from "@/lib/player/format-clock";

/** The course page's list of the learner's notes: by segment, each linked to its moment. */
export function CourseNotes({ toc, notes }: { toc: TToc; notes: TNote[] }) {
  if (notes.length === 0) return null;
  const segments = toc.parts.flatMap((p) => p.segments);
  return (
    <section className="notes course-notes" aria-labelledby="course-notes-heading" data-testid="course-notes">
      <div className="notes__head">
        <h2 className="notes__title" id="course-notes-heading">
          Your notes ({notes.length})
        </h2>
        <a className="notes__export" href={`/api/courses/${toc.course.slug}/notes`} download>
          Export as Markdown
        </a>
      </div>
      {segments.map((segment) => {
        const mine = notes.filter((n) => n.segment === segment.slug);
        if (mine.length === 0) return null;
        return (
          <div key={segment.slug} className="course-notes__segment">
            <h3 className="course-notes__title">
              {segment.number} {segment.title}
            </h3>
            <ol className="notes__list">
              {mine.map((note) => (
                <li key={note.id} className="notes__item course-notes__item" data-testid="course-note">
                  <Link className="notes__time" href={`/courses/${toc.course.slug}/${segment.slug}?t=${Math.floor(note.atSeconds)}`}>
                    {formatClock(note.atSeconds)}
                  </Link>
                  <p className="notes__text">{note.text}</p>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
