import type { TChapter } from "./course-manifest";
import { renderWebvtt, type TCue } from "./webvtt-time";

export type TSampleCaptionsInput = {
  courseTitle: string;
  segmentTitle: string;
  subtitle: string;
  /** Measured length of the generated video. */
  durationSeconds: number;
  titleCardSeconds: number;
  toneHz: number;
  chapters: TChapter[];
};

/** Cues no longer than this, so a viewer who seeks mid-sample sees a caption. */
const MAX_CUE_SECONDS = 6;

/**
 * Captions for a generated sample. They describe only what is really in the video (see
 * build-sample-source.ts): the title card text, then the test pattern, tone, clock and
 * chapter label — no invented narration.
 */
export function renderSampleCaptions(input: TSampleCaptionsInput): string {
  const end = input.durationSeconds;
  const titleEnd = Math.min(input.titleCardSeconds, end);
  const heading = input.subtitle ? `${input.segmentTitle}: ${input.subtitle}` : input.segmentTitle;
  const cues: TCue[] = [{ start: 0, end: titleEnd, text: `[Title card] ${input.courseTitle}\n${heading}` }];

  // Boundaries in the pattern section: every chapter start after the title card.
  const chapterStarts = input.chapters
    .map((chapter) => ({ ...chapter, at: Math.max(chapter.at, titleEnd) }))
    .filter((chapter) => chapter.at < end);
  const sections: { start: number; end: number; chapter?: string }[] = [];
  let cursor = titleEnd;
  let current: string | undefined = chapterStarts.filter((c) => c.at <= titleEnd).at(-1)?.title;
  for (const chapter of chapterStarts.filter((c) => c.at > titleEnd)) {
    sections.push({ start: cursor, end: chapter.at, chapter: current });
    cursor = chapter.at;
    current = chapter.title;
  }
  sections.push({ start: cursor, end, chapter: current });

  let first = true;
  for (const section of sections) {
    let start = section.start;
    let sectionFirst = true;
    while (end - start > 0.001 && section.end - start > 0.001) {
      const cueEnd = Math.min(section.end, start + MAX_CUE_SECONDS);
      const lines: string[] = [];
      if (sectionFirst && section.chapter) lines.push(`[Chapter label on screen: ${section.chapter}]`);
      if (first) lines.push(`[A moving colour test pattern with a steady ${input.toneHz} Hz tone]`);
      else if (!sectionFirst || !section.chapter) {
        lines.push("[Test pattern continues; the clock in the corner counts the elapsed time]");
      }
      cues.push({ start, end: cueEnd, text: lines.join("\n") });
      first = false;
      sectionFirst = false;
      start = cueEnd;
    }
  }
  return renderWebvtt(cues);
}
