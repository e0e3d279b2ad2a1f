import fs from "node:fs";
import path from "node:path";
import type { TChapter } from "./course-manifest";
import type { TMediaInput } from "./media-input";
import { planLadder, type TEncodeSpeed } from "./plan-ladder";
import {
  AUDIO_SAMPLE_RATE,
  FONT_FILE,
  FONT_FILE_BOLD,
  FRAME_RATE,
  SAMPLE_HEIGHT,
  SAMPLE_WIDTH,
  TITLE_CARD_SECONDS,
  TONE_HZ,
} from "./media-settings";
import { wrapText } from "./wrap-text";

export type TSampleSpec = {
  courseTitle: string;
  segmentTitle: string;
  subtitle: string;
  seconds: number;
  chapters: TChapter[];
};

type TText = { text: string; font: string; size: number; color: string; x: string; y: string | number; enable: string; box?: string; expand?: boolean };

/**
 * A generated stand-in for a lecture: a title card (course, segment title, subtitle) for
 * TITLE_CARD_SECONDS, then ffmpeg's moving `testsrc2` pattern with a lower third naming the
 * segment, an elapsed-time clock and the current chapter; a steady sine tone throughout.
 * render-sample-captions.ts describes exactly this, so keep the two in step.
 *
 * drawtext reads every string from a file in `workDir` (ffmpeg runs with cwd = workDir) so
 * titles with quotes, colons or percent signs need no filtergraph escaping.
 */
export function buildSampleSource(spec: TSampleSpec, workDir: string, speed: TEncodeSpeed = "fast"): TMediaInput {
  const textDir = path.join(workDir, "text");
  fs.mkdirSync(textDir, { recursive: true });
  const seconds = spec.seconds;
  const card = `lt(t,${TITLE_CARD_SECONDS})`;
  const pattern = `gte(t,${TITLE_CARD_SECONDS})`;
  const texts: TText[] = [];

  // Title card.
  const titleLines = wrapText(spec.segmentTitle, 34, 3);
  const subtitleLines = spec.subtitle ? wrapText(spec.subtitle, 50, 2) : [];
  const blockHeight = 50 + titleLines.length * 72 + (subtitleLines.length ? 24 + subtitleLines.length * 48 : 0);
  let y = Math.round((720 - blockHeight) / 2) - 20;
  texts.push({ text: spec.courseTitle, font: FONT_FILE_BOLD, size: 30, color: "0x9db4ff", x: "(w-text_w)/2", y, enable: card });
  y += 60;
  for (const line of titleLines) {
    texts.push({ text: line, font: FONT_FILE_BOLD, size: 58, color: "white", x: "(w-text_w)/2", y, enable: card });
    y += 72;
  }
  y += 16;
  for (const line of subtitleLines) {
    texts.push({ text: line, font: FONT_FILE, size: 38, color: "0xdde3f0", x: "(w-text_w)/2", y, enable: card });
    y += 48;
  }
  texts.push({ text: "Lectern sample video", font: FONT_FILE, size: 24, color: "0x8890a0", x: "(w-text_w)/2", y: 650, enable: card });

  // Test pattern overlays.
  const lowerThird = wrapText(spec.subtitle ? `${spec.segmentTitle}: ${spec.subtitle}` : spec.segmentTitle, 64, 1)[0] ?? "";
  texts.push({ text: lowerThird, font: FONT_FILE_BOLD, size: 30, color: "white", x: "40", y: 628, enable: pattern });
  texts.push({ text: wrapText(spec.courseTitle, 80, 1)[0] ?? "", font: FONT_FILE, size: 22, color: "0xc8d0e0", x: "40", y: 672, enable: pattern });
  const total = `${Math.floor(seconds / 60)}:${String(Math.round(seconds) % 60).padStart(2, "0")}`;
  texts.push({
    text: `%{eif:floor(t/60):d}:%{eif:mod(floor(t),60):d:2} / ${total}`,
    font: FONT_FILE_BOLD, size: 30, color: "white", x: "w-text_w-36", y: 30, enable: pattern, box: "black@0.65", expand: true,
  });
  spec.chapters.forEach((chapter, i) => {
    const from = Math.max(chapter.at, TITLE_CARD_SECONDS);
    const to = spec.chapters[i + 1]?.at ?? seconds + 1;
    if (from >= to) return;
    texts.push({
      text: `Chapter: ${wrapText(chapter.title, 50, 1)[0]}`,
      font: FONT_FILE_BOLD, size: 30, color: "white", x: "36", y: 30, enable: `between(t,${from},${to - 0.001})`, box: "0x14213d@0.85",
    });
  });

  const drawtexts = texts.map((t, i) => {
    const file = `text/${String(i).padStart(2, "0")}.txt`;
    fs.writeFileSync(path.join(workDir, file), t.text);
    const box = t.box ? `:box=1:boxcolor=${t.box}:boxborderw=12` : "";
    return (
      `drawtext=fontfile=${t.font}:textfile=${file}:expansion=${t.expand ? "normal" : "none"}` +
      `:fontsize=${t.size}:fontcolor=${t.color}:x=${t.x}:y=${t.y}${box}:enable='${t.enable}'`
    );
  });
  const video = [
    "[0:v]format=yuv420p",
    `drawbox=x=0:y=600:w=iw:h=120:color=black@0.6:t=fill:enable='${pattern}'`,
    `drawbox=x=0:y=0:w=iw:h=ih:color=0x14213d@1:t=fill:enable='${card}'`,
    ...drawtexts,
  ].join(",");
  return {
    inputArgs: [
      "-f", "lavfi", "-i", `testsrc2=size=${SAMPLE_WIDTH}x${SAMPLE_HEIGHT}:rate=${FRAME_RATE}:duration=${seconds}`,
      "-f", "lavfi", "-i", `sine=frequency=${TONE_HZ}:sample_rate=${AUDIO_SAMPLE_RATE}:duration=${seconds}`,
    ],
    filter: `${video}[src_v];[1:a]volume=0.5[src_a]`,
    durationSeconds: seconds,
    posterSeconds: Math.min(TITLE_CARD_SECONDS / 2, seconds / 2),
    plan: planLadder({ width: SAMPLE_WIDTH, height: SAMPLE_HEIGHT, frameRate: FRAME_RATE }, { speed }),
  };
}
