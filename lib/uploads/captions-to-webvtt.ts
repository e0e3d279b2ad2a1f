import path from "node:path";
import { convertCaptions } from "../ingest/convert-captions";

/**
 * An uploaded captions file as WebVTT, through the same converter the import uses
 * (lib/ingest/convert-captions.ts): SRT converted cue by cue, WebVTT checked and re-rendered.
 * The format is the file's extension (.srt, else WebVTT when it starts with "WEBVTT"); a bad
 * file is refused with its name and line numbers instead of becoming captions that never show.
 */
export function captionsToWebVtt(text: string, filename: string): { ok: true; vtt: string } | { ok: false; message: string } {
  const extension = path.extname(filename).toLowerCase();
  const format = extension === ".srt" || (extension !== ".vtt" && !/^\uFEFF?WEBVTT/.test(text)) ? "srt" : "vtt";
  const result = convertCaptions(text, format);
  if (result.ok) return { ok: true, vtt: result.vtt };
  const shown = result.problems.slice(0, 5).map((p) => `${filename} line ${p.line}: ${p.message}`);
  const more = result.problems.length - shown.length;
  return { ok: false, message: `${shown.join("; ")}${more > 0 ? ` (and ${more} more)` : ""}` };
}
