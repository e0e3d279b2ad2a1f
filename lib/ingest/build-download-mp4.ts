import fs from "node:fs";
import path from "node:path";
import { captionLanguageLabel, iso639_2 } from "./caption-language";
import type { TChapter } from "./course-manifest";
import { runFfmpeg } from "./run-ffmpeg";

export const DOWNLOAD_MP4 = "download.mp4";

export type TDownloadMp4Meta = {
  title: string;
  subtitle: string;
  courseTitle: string;
  authors: string[];
  publisher: string;
  /** e.g. "2.1": the segment's place in the course (part.segment). */
  number: string;
  /** Year of publication, when known. */
  year?: number;
  chapters: TChapter[];
  durationSeconds: number;
  /**
   * WebVTT files in `dir`, one subtitle track each, in this order. Absent: `captions.en.vtt`
   * when it exists (what callers before multi-language captions relied on).
   */
  captions?: { language: string; path: string }[];
};

/** FFMETADATA1 values escape '=', ';', '#', '\' and newlines with a backslash. */
function ffmetaValue(value: string): string {
  return value.replace(/[=;#\\\n]/g, (c) => `\\${c}`);
}

/** An FFMETADATA1 file with one [CHAPTER] per manifest chapter inside the media (ms time base). */
export function renderFfmetadataChapters(chapters: TChapter[], durationSeconds: number): string {
  const inside = chapters.filter((c) => c.at < durationSeconds);
  const lines = [";FFMETADATA1"];
  inside.forEach((chapter, i) => {
    const start = Math.round(chapter.at * 1000);
    const end = Math.round((inside[i + 1]?.at ?? durationSeconds) * 1000);
    if (end <= start) return;
    lines.push("[CHAPTER]", "TIMEBASE=1/1000", `START=${start}`, `END=${end}`, `title=${ffmetaValue(chapter.title)}`);
  });
  return `${lines.join("\n")}\n`;
}

/**
 * The DRM-free download of a segment: video.mp4 remuxed (no re-encode, `-c copy`) with
 * title/course metadata, every captions language as a mov_text subtitle track (ISO 639-2
 * language tag, the language's name as the track's handler name), chapter markers
 * (when the segment has chapters) and the moov atom first (+faststart), so players such as
 * VLC and QuickTime show title, subtitles and chapters. Writes `dir/download.mp4`.
 */
export async function buildDownloadMp4(dir: string, meta: TDownloadMp4Meta): Promise<void> {
  const inputs = ["-i", "video.mp4"];
  const maps = ["-map", "0:v:0", "-map", "0:a:0"];
  const captions =
    meta.captions ?? (fs.existsSync(path.join(dir, "captions.en.vtt")) ? [{ language: "en", path: "captions.en.vtt" }] : []);
  captions.forEach((c, i) => {
    inputs.push("-i", c.path);
    maps.push("-map", `${i + 1}:0`);
  });
  const chapters = meta.chapters.filter((c) => c.at < meta.durationSeconds);
  const ffmeta = path.join(dir, ".download-chapters.ffmeta");
  if (chapters.length) {
    fs.writeFileSync(ffmeta, renderFfmetadataChapters(chapters, meta.durationSeconds));
    inputs.push("-f", "ffmetadata", "-i", path.basename(ffmeta));
    maps.push("-map_chapters", String(captions.length + 1));
  } else {
    maps.push("-map_chapters", "-1");
  }
  const title = meta.subtitle ? `${meta.title}: ${meta.subtitle}` : meta.title;
  const tags: [string, string][] = [
    ["title", title],
    ["album", meta.courseTitle],
    ["artist", meta.authors.join(", ")],
    ["album_artist", meta.authors.join(", ")],
    ["publisher", meta.publisher],
    ["comment", `${meta.courseTitle} — ${meta.number} ${title}`],
  ];
  if (meta.year) tags.push(["date", String(meta.year)]);
  const metadata = tags.filter(([, v]) => v).flatMap(([k, v]) => ["-metadata", `${k}=${v}`]);
  const subtitleArgs = captions.length ? ["-c:s", "mov_text"] : [];
  captions.forEach((c, i) => {
    subtitleArgs.push(
      `-metadata:s:s:${i}`, `language=${iso639_2(c.language)}`,
      `-metadata:s:s:${i}`, `handler_name=${captionLanguageLabel(c.language)}`,
      `-disposition:s:${i}`, "0",
    );
  });
  try {
    await runFfmpeg(
      [
        ...inputs,
        ...maps,
        "-c:v", "copy", "-c:a", "copy", ...subtitleArgs,
        ...metadata,
        "-metadata:s:v:0", "language=eng", "-metadata:s:a:0", "language=eng",
        "-movflags", "+faststart",
        DOWNLOAD_MP4,
      ],
      { cwd: dir },
    );
  } finally {
    fs.rmSync(ffmeta, { force: true });
  }
}
