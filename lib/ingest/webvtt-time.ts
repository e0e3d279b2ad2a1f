/** 83.5 → "00:01:23.500" (WebVTT cue timestamp). */
export function webvttTime(seconds: number): string {
  const ms = Math.max(0, Math.round(seconds * 1000));
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(ms % 1000, 3)}`;
}

export type TCue = { start: number; end: number; text: string };

export function renderWebvtt(cues: TCue[]): string {
  const body = cues
    .filter((cue) => cue.end > cue.start)
    // "-->" would end the cue timing line; a blank line would end the cue.
    .map((cue, i) => `${i + 1}\n${webvttTime(cue.start)} --> ${webvttTime(cue.end)}\n${cue.text.replace(/-->/g, "→").replace(/\n\s*\n/g, "\n")}`)
    .join("\n\n");
  return `WEBVTT\n\n${body}\n`;
}
