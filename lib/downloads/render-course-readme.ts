import { formatDuration, formatTotal } from "../catalog/format-duration";
import { captionLanguageLabel } from "../ingest/caption-language";
import type { TCourseDownloads } from "./load-course-downloads";

/**
 * README.txt of the course ZIP: the course, its table of contents (parts, segments,
 * durations) and where each file is. Plain text with CRLF line ends so every OS's default
 * editor shows it. Deterministic: same course → same bytes (the ZIP's ETag depends on it).
 */
export function renderCourseReadme(d: TCourseDownloads): string {
  const { course, parts } = d;
  const segments = parts.flatMap((p) => p.segments);
  const total = segments.reduce((sum, s) => sum + s.durationSeconds, 0);
  const year = course.publishedOn ? course.publishedOn.getUTCFullYear() : null;
  const lines: string[] = [course.title, "=".repeat(Math.min(course.title.length, 72))];
  if (course.subtitle) lines.push(course.subtitle);
  lines.push("");
  if (course.authors.length) lines.push(`By ${course.authors.join(", ")}`);
  const imprint = [course.publisher, year].filter(Boolean).join(", ");
  if (imprint) lines.push(imprint);
  if (course.resourcesUrl) lines.push(`Resources and companion code: ${course.resourcesUrl}`);
  lines.push("");
  if (course.description) lines.push(course.description, "");
  // Every captions language any segment has, English first (the order the files are listed in).
  const languages = [...new Set(segments.flatMap((s) => s.captions.map((c) => c.language)))]
    .sort((a, b) => (a === "en" ? -1 : b === "en" ? 1 : a.localeCompare(b)))
    .map(captionLanguageLabel);
  const subtitles = languages.length > 1 ? `subtitles (${languages.join(", ")})` : `${languages[0] ?? "English"} subtitles`;
  lines.push(
    `Contents: ${parts.length} parts, ${segments.length} segments, ${formatTotal(total)} of video.`,
    `Each video is an MP4 (H.264/AAC) with ${subtitles} and, where the segment has them,`,
    "chapter markers; the subtitles are also beside it as WebVTT files (<name>.<language>.vtt).",
    "Open index.html in any web browser to watch offline: the table of contents, every video",
    "with its subtitles, and a transcript you can search, with no internet connection needed.",
    "",
  );
  for (const part of parts) {
    const partTotal = part.segments.reduce((sum, s) => sum + s.durationSeconds, 0);
    lines.push(`${part.folder}  (${formatDuration(partTotal)})`);
    if (part.summary) lines.push(`    ${part.summary}`);
    for (const s of part.segments) {
      const title = s.subtitle ? `${s.title}: ${s.subtitle}` : s.title;
      lines.push(`    ${s.partPosition}.${s.position}  ${title}  (${formatDuration(s.durationSeconds)})`);
      if (s.mp4) lines.push(`          ${part.folder}/${s.baseName}.mp4`);
    }
    lines.push("");
  }
  lines.push("DRM-free: these files are yours to keep for personal use. Please don't share them.", "");
  return lines.join("\r\n");
}
