import { createHash } from "node:crypto";
import { FONT_FILE, FONT_FILE_BOLD } from "./media-settings";
import { wrapText } from "./wrap-text";
import { COVER_SIZE, PHOTO_SIZE as PHOTO_PIXELS } from "../catalog/course-image-urls";

/**
 * The landing page's images (issue 10): a course cover (also the OpenGraph/Twitter image) and
 * a portrait per author. An author's own file is cropped and scaled to the fixed size; without
 * one a card is drawn with ffmpeg (the same fonts as the sample videos). Fixed sizes mean the
 * page can always set width and height (no layout shift) without storing them.
 *
 * Kept out of media-settings.ts on purpose: everything there is part of the video cache key,
 * and a change here must not re-encode any video.
 */
export const COVER_WIDTH = COVER_SIZE.width;
export const COVER_HEIGHT = COVER_SIZE.height;
export const PHOTO_SIZE = PHOTO_PIXELS.width;
/** Bump when the drawing below changes (the images are redrawn, nothing else). */
export const COURSE_IMAGES_VERSION = "lectern-course-images/1";

/** Dark backgrounds white text reads on (contrast ≥ 7:1), one per course by its slug. */
const PALETTE = ["0x14213d", "0x1e3a5f", "0x3b1f4a", "0x1f3d2b", "0x4a2a1f"];

export function paletteColor(key: string): string {
  const n = createHash("sha256").update(key).digest()[0]!;
  return PALETTE[n % PALETTE.length]!;
}

/** "Ada King Lovelace" → "AL"; "Lectern sample talks" → "LT". */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((w) => /\p{L}|\p{N}/u.test(w));
  const first = words[0]?.match(/[\p{L}\p{N}]/u)?.[0] ?? "?";
  const last = words.length > 1 ? (words.at(-1)!.match(/[\p{L}\p{N}]/u)?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

export type TImagePlan = {
  /** ffmpeg arguments after the global flags, up to (not including) the output file. */
  args: string[];
  /** Text files drawtext reads (relative to ffmpeg's cwd): no filtergraph escaping of titles. */
  texts: { file: string; text: string }[];
};

const OUTPUT = ["-frames:v", "1", "-q:v", "3", "-update", "1"];

function drawtext(file: string, font: string, size: number, color: string, x: string, y: number | string): string {
  return `drawtext=fontfile=${font}:textfile=${file}:expansion=none:fontsize=${size}:fontcolor=${color}:x=${x}:y=${y}`;
}

/** An author's or a course's own image, cropped to fill `width`×`height`. */
export function planScaledImage(source: string, width: number, height: number): TImagePlan {
  return {
    args: [
      "-i", source,
      "-vf", `scale=${width}:${height}:force_original_aspect_ratio=increase,crop=${width}:${height},format=yuvj420p`,
      ...OUTPUT,
    ],
    texts: [],
  };
}

export type TCoverSpec = { slug: string; title: string; subtitle: string; byline: string };

/** A generated cover: the course title large, its subtitle, the authors, on the course's colour. */
export function planGeneratedCover(spec: TCoverSpec): TImagePlan {
  const texts: TImagePlan["texts"] = [];
  const filters: string[] = [
    `drawbox=x=0:y=0:w=24:h=ih:color=0x9db4ff@1:t=fill`,
    `drawbox=x=80:y=${COVER_HEIGHT - 120}:w=${COVER_WIDTH - 160}:h=2:color=0x9db4ff@0.6:t=fill`,
  ];
  const add = (text: string, font: string, size: number, color: string, y: number) => {
    const file = `text-${String(texts.length).padStart(2, "0")}.txt`;
    texts.push({ file, text });
    filters.push(drawtext(file, font, size, color, "80", y));
  };
  const titleLines = wrapText(spec.title, 26, 3);
  const subtitleLines = spec.subtitle ? wrapText(spec.subtitle, 52, 2) : [];
  const blockHeight = titleLines.length * 78 + (subtitleLines.length ? 30 + subtitleLines.length * 46 : 0);
  let y = Math.max(60, Math.round((COVER_HEIGHT - 120 - blockHeight) / 2));
  for (const line of titleLines) {
    add(line, FONT_FILE_BOLD, 64, "white", y);
    y += 78;
  }
  y += 30;
  for (const line of subtitleLines) {
    add(line, FONT_FILE, 34, "0xdde3f0", y);
    y += 46;
  }
  if (spec.byline) add(wrapText(spec.byline, 60, 1)[0]!, FONT_FILE, 28, "0xc8d0e0", COVER_HEIGHT - 90);
  return {
    args: ["-f", "lavfi", "-i", `color=c=${paletteColor(spec.slug)}:s=${COVER_WIDTH}x${COVER_HEIGHT}`, "-vf", [...filters, "format=yuvj420p"].join(","), ...OUTPUT],
    texts,
  };
}

/** A generated portrait: the author's initials on a colour of their own. */
export function planGeneratedPortrait(name: string): TImagePlan {
  return {
    args: [
      "-f", "lavfi", "-i", `color=c=${paletteColor(`author:${name}`)}:s=${PHOTO_SIZE}x${PHOTO_SIZE}`,
      "-vf", [drawtext("initials.txt", FONT_FILE_BOLD, 128, "white", "(w-text_w)/2", "(h-text_h)/2"), "format=yuvj420p"].join(","),
      ...OUTPUT,
    ],
    texts: [{ file: "initials.txt", text: initialsOf(name) }],
  };
}
