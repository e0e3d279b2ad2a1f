import { webvttTime } from "./webvtt-time";

/**
 * Caption files an author ships beside a recording, to WebVTT (pure; no file access).
 * SRT is converted cue by cue; WebVTT is checked the same way and re-rendered, so every
 * stored captions file is one strict dialect whatever the authoring tool wrote.
 * Problems name the line (1-based) so the message can say `talk.de.srt:14: …`.
 */
export type TCaptionCue = { start: number; end: number; text: string };
export type TConvertCaptionsResult =
  | { ok: true; vtt: string; cues: TCaptionCue[] }
  | { ok: false; problems: { line: number; message: string }[] };

// 00:01:02,500 or 00:01:02.500 or 1:02.500 (WebVTT allows leaving the hours out).
const TIME = String.raw`(?:(\d{1,3}):)?(\d{1,2}):(\d{2})[,.](\d{1,3})`;
const TIMING = new RegExp(String.raw`^\s*${TIME}\s*-->\s*${TIME}(?:\s+.*)?$`);

function seconds(h: string | undefined, m: string, s: string, ms: string): number | undefined {
  if (Number(m) > 59 || Number(s) > 59) return undefined;
  return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s) + Number(ms.padEnd(3, "0")) / 1000;
}

/** SRT markup → WebVTT cue text: <i>/<b>/<u> kept, <font …> and other tags dropped, & and < escaped. */
function cueText(lines: string[]): string {
  return lines
    .map((line) =>
      line
        .replace(/\{\\[^}]*\}/g, "") // ASS-style overrides some tools leave in SRT: {\an8}
        .replace(/-->/g, "→")
        .replace(/&(?!(?:amp|lt|gt|nbsp|lrm|rlm);)/g, "&amp;")
        .replace(/<(\/?)([a-z]+)[^>]*>/gi, (_m, close: string, tag: string) =>
          ["i", "b", "u"].includes(tag.toLowerCase()) ? `\u0000${close}${tag.toLowerCase()}\u0001` : "",
        )
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/\u0000/g, "<")
        .replace(/\u0001/g, ">")
        .trimEnd(),
    )
    .filter((line) => line.trim() !== "")
    .join("\n");
}

/**
 * Parses SRT (`format: "srt"`) or WebVTT (`"vtt"`) into cues and renders WebVTT.
 * A cue is malformed when its timing line is missing or unreadable, when it ends before it
 * starts, or (SRT) when it has no text; each is reported with its line number.
 */
export function convertCaptions(text: string, format: "srt" | "vtt"): TConvertCaptionsResult {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  const problems: { line: number; message: string }[] = [];
  const cues: TCaptionCue[] = [];
  let i = 0;
  if (format === "vtt") {
    if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? "")) {
      return { ok: false, problems: [{ line: 1, message: 'a WebVTT file must start with "WEBVTT"' }] };
    }
    // Header block (and any NOTE/STYLE/REGION blocks) up to the first blank line.
    while (i < lines.length && lines[i]!.trim() !== "") i++;
  }
  while (i < lines.length) {
    while (i < lines.length && lines[i]!.trim() === "") i++;
    if (i >= lines.length) break;
    const blockStart = i;
    const block: string[] = [];
    while (i < lines.length && lines[i]!.trim() !== "") block.push(lines[i++]!);
    if (format === "vtt" && /^(NOTE|STYLE|REGION)(\s|$)/.test(block[0]!)) continue;
    // Optional identifier (SRT: the cue number) before the timing line.
    let t = 0;
    if (!block[0]!.includes("-->") && block.length > 1) t = 1;
    const timing = TIMING.exec(block[t] ?? "");
    const lineNo = blockStart + t + 1;
    if (!timing) {
      problems.push({
        line: lineNo,
        message: block[t]?.includes("-->")
          ? `unreadable cue timing "${block[t]!.trim()}" (expected 00:00:01,000 --> 00:00:02,500)`
          : `expected a cue timing line (00:00:01,000 --> 00:00:02,500), found "${block[t]!.trim().slice(0, 60)}"`,
      });
      continue;
    }
    const start = seconds(timing[1], timing[2]!, timing[3]!, timing[4]!);
    const end = seconds(timing[5], timing[6]!, timing[7]!, timing[8]!);
    if (start === undefined || end === undefined) {
      problems.push({ line: lineNo, message: `minutes and seconds must be below 60 in "${block[t]!.trim()}"` });
      continue;
    }
    if (end <= start) {
      problems.push({ line: lineNo, message: `the cue ends (${webvttTime(end)}) before it starts (${webvttTime(start)})` });
      continue;
    }
    const body = cueText(block.slice(t + 1));
    if (!body) {
      if (format === "srt") problems.push({ line: lineNo, message: "the cue has no text" });
      continue;
    }
    cues.push({ start, end, text: body });
  }
  if (problems.length) return { ok: false, problems };
  if (cues.length === 0) return { ok: false, problems: [{ line: 1, message: "no cues found" }] };
  const vtt = `WEBVTT\n\n${cues.map((c, n) => `${n + 1}\n${webvttTime(c.start)} --> ${webvttTime(c.end)}\n${c.text}`).join("\n\n")}\n`;
  return { ok: true, vtt, cues };
}
