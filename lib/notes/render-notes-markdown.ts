import type { TToc } from "../catalog/get-course-toc";
import { formatClock } from "../player/format-clock";
import type { TNote } from "./note-schemas";

/**
 * A course's notes as Markdown: a heading per segment that has notes, each note a list item
 * with its moment linked (`?t=`). Note text is the learner's own; it is indented under its
 * item so a line starting with "#" or "-" stays inside the note.
 */
export function renderNotesMarkdown(toc: TToc, notes: readonly TNote[], origin: string): string {
  const lines = [`# Notes: ${toc.course.title}`, ""];
  const bySegment = new Map<string, TNote[]>();
  for (const n of notes) bySegment.set(n.segment, [...(bySegment.get(n.segment) ?? []), n]);
  if (bySegment.size === 0) lines.push("No notes yet.", "");
  for (const segment of toc.parts.flatMap((p) => p.segments)) {
    const list = bySegment.get(segment.slug);
    if (!list) continue;
    lines.push(`## ${segment.number} ${segment.title}`, "");
    for (const n of list) {
      const at = Math.floor(n.atSeconds);
      const url = `${origin}/courses/${toc.course.slug}/${segment.slug}?t=${at}`;
      const [first, ...rest] = n.text.split("\n");
      lines.push(`- [${formatClock(at)}](${url}) ${first}`);
      for (const line of rest) lines.push(line ? `  ${line}` : "");
    }
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
