/**
 * An uploaded captions file as WebVTT: SRT's comma decimal separators become dots and the
 * WEBVTT header is added; a WebVTT file is checked the same way. Cue timings are checked line by
 * line, so a bad file is refused with its line number instead of becoming captions that never show.
 */
export function captionsToWebVtt(text: string, filename: string): { ok: true; vtt: string } | { ok: false; message: string } {
  const lines = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  const isVtt = /^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? "");
  const timing = isVtt
    ? /^(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}[ \t]+-->[ \t]+(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}(?:[ \t].*)?$/
    : /^\d{2,}:\d{2}:\d{2}[,.]\d{3}[ \t]+-->[ \t]+\d{2,}:\d{2}:\d{2}[,.]\d{3}(?:[ \t].*)?$/;
  let cues = 0;
  for (const [i, line] of lines.entries()) {
    if (!line.includes("-->")) continue;
    if (!timing.test(line.trim())) return { ok: false, message: `${filename} line ${i + 1}: malformed cue timing "${line.trim().slice(0, 80)}"` };
    cues++;
  }
  if (cues === 0) return { ok: false, message: `${filename} has no cues (no "00:00:01.000 --> 00:00:02.000" timing lines).` };
  if (isVtt) return { ok: true, vtt: lines.join("\n") };
  const body = lines.map((line) => (line.includes("-->") ? line.replace(/(\d{2}:\d{2}:\d{2}),(\d{3})/g, "$1.$2") : line));
  return { ok: true, vtt: `WEBVTT\n\n${body.join("\n").trim()}\n` };
}
