/** A WebVTT cue: seconds and text (tags stripped, lines joined by "\n"). */
export type TVttCue = { start: number; end: number; text: string };

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)\s+-->\s+((?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?)/;

/** "01:02:03.500" or "02:03.5" → seconds; NaN when malformed. */
export function parseVttTime(value: string): number {
  const parts = value.replace(",", ".").split(":");
  if (parts.length < 2 || parts.length > 3) return NaN;
  const seconds = Number(parts.at(-1));
  const minutes = Number(parts.at(-2));
  const hours = parts.length === 3 ? Number(parts[0]) : 0;
  if (![seconds, minutes, hours].every(Number.isFinite)) return NaN;
  return hours * 3600 + minutes * 60 + seconds;
}

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": " ", "&lrm;": "", "&rlm;": "" };

/**
 * Parses the cues of a WebVTT file (the subset we and common tools write): header, optional
 * cue identifiers, timing lines with settings, multi-line payloads; NOTE/STYLE/REGION blocks
 * are skipped. Used in the browser (transcript) and on the server (course search).
 */
export function parseWebVtt(text: string): TVttCue[] {
  const blocks = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split(/\n{2,}/);
  const cues: TVttCue[] = [];
  for (const block of blocks) {
    const lines = block.split("\n").filter((l, i) => i > 0 || l.trim() !== "");
    const timingIndex = lines.findIndex((l) => l.includes("-->"));
    if (timingIndex < 0 || timingIndex > 1) continue;
    const m = TIMING.exec(lines[timingIndex]!);
    if (!m) continue;
    const start = parseVttTime(m[1]!);
    const end = parseVttTime(m[2]!);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) continue;
    const payload = lines
      .slice(timingIndex + 1)
      .join("\n")
      .replace(/<[^>]*>/g, "")
      .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (e) => ENTITIES[e] ?? e)
      .trim();
    cues.push({ start, end, text: payload });
  }
  return cues.sort((a, b) => a.start - b.start);
}

/** "thumbnails.jpg#xywh=160,0,160,90" → the sprite URL (resolved against `base`) and the tile. */
export function parseThumbnailCue(
  text: string,
  base: string,
): { url: string; x: number; y: number; w: number; h: number } | null {
  const m = /^(.*)#xywh=(\d+),(\d+),(\d+),(\d+)$/.exec(text.trim());
  if (!m) return null;
  return { url: new URL(m[1]!, base).toString(), x: +m[2]!, y: +m[3]!, w: +m[4]!, h: +m[5]! };
}

/** The cue playing at `time` (last one that started), or -1. Cues sorted by start. */
export function activeCueIndex(cues: readonly TVttCue[], time: number): number {
  let lo = 0;
  let hi = cues.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cues[mid]!.start <= time) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && time < cues[found]!.end ? found : -1;
}
