import fs from "node:fs";
import path from "node:path";
import { CAPTION_LANGUAGE_TAG, DEFAULT_CAPTION_LANGUAGE } from "./caption-language";
import { convertCaptions } from "./convert-captions";

export type TSourceCaptionsFile = { file: string; language: string; format: "srt" | "vtt" };
export type TSourceCaptions = { language: string; file: string; vtt: string };

/**
 * Caption files beside a recording: `talk.vtt`, `talk.srt` (English) and `talk.<lang>.vtt|srt`
 * for any number of languages (`talk.de.srt`, `talk.pt-BR.vtt`). Sorted by language, English
 * first. When one language has both a .vtt and a .srt, the .vtt wins.
 */
export function findSourceCaptions(sourceFile: string): TSourceCaptionsFile[] {
  const dir = path.dirname(sourceFile);
  const stem = path.basename(sourceFile, path.extname(sourceFile));
  const byLanguage = new Map<string, TSourceCaptionsFile>();
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of names.sort()) {
    const ext = path.extname(name).toLowerCase();
    if ((ext !== ".vtt" && ext !== ".srt") || !name.startsWith(`${stem}.`)) continue;
    const middle = name.slice(stem.length + 1, name.length - ext.length);
    const language = middle === "" ? DEFAULT_CAPTION_LANGUAGE : middle;
    if (!CAPTION_LANGUAGE_TAG.test(language)) continue; // talk.notes.srt, talk.old.backup.vtt: not ours
    const format = ext === ".vtt" ? "vtt" : "srt";
    const existing = byLanguage.get(language);
    if (existing && (existing.format === "vtt" || format === "srt")) continue;
    byLanguage.set(language, { file: path.join(dir, name), language, format });
  }
  return [...byLanguage.values()].sort((a, b) =>
    a.language === DEFAULT_CAPTION_LANGUAGE ? -1 : b.language === DEFAULT_CAPTION_LANGUAGE ? 1 : a.language.localeCompare(b.language),
  );
}

/**
 * Reads and converts every captions file beside `sourceFile`. Problems are one line each,
 * `<file>:<line>: <message>`, for every malformed cue in every file.
 */
export function loadSourceCaptions(sourceFile: string): { ok: true; captions: TSourceCaptions[] } | { ok: false; problems: string[] } {
  const captions: TSourceCaptions[] = [];
  const problems: string[] = [];
  for (const found of findSourceCaptions(sourceFile)) {
    let text: string;
    try {
      text = fs.readFileSync(found.file, "utf8");
    } catch (error) {
      problems.push(`${found.file}: cannot read: ${(error as Error).message}`);
      continue;
    }
    const result = convertCaptions(text, found.format);
    if (result.ok) captions.push({ language: found.language, file: found.file, vtt: result.vtt });
    else problems.push(...result.problems.map((p) => `${found.file}:${p.line}: ${p.message}`));
  }
  return problems.length ? { ok: false, problems } : { ok: true, captions };
}
