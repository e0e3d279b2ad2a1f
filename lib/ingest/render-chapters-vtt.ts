import type { TChapter } from "./course-manifest";
import { renderWebvtt } from "./webvtt-time";

/** A WebVTT chapters track (kind="chapters") from the manifest's chapter list. */
export function renderChaptersVtt(chapters: TChapter[], durationSeconds: number): string {
  const inside = chapters.filter((chapter) => chapter.at < durationSeconds);
  return renderWebvtt(
    inside.map((chapter, i) => ({
      start: chapter.at,
      end: inside[i + 1]?.at ?? durationSeconds,
      text: chapter.title,
    })),
  );
}
