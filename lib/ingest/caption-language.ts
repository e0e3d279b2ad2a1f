/**
 * Caption languages: the code in a file name (`talk.pt-BR.srt`), its name for menus, and the
 * ISO 639-2/T code MP4 subtitle tracks carry (the mov muxer takes three letters only).
 */

/** A BCP 47 tag as authors write them in file names: "en", "de", "pt-BR", "zh-Hant", "fil". */
export const CAPTION_LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Captions named without a language (`talk.srt`, `talk.vtt`) are taken to be English. */
export const DEFAULT_CAPTION_LANGUAGE = "en";

const ISO_639_2: Record<string, string> = {
  ar: "ara", bg: "bul", bn: "ben", ca: "cat", cs: "ces", da: "dan", de: "deu", el: "ell", en: "eng", es: "spa",
  et: "est", fa: "fas", fi: "fin", fr: "fra", ga: "gle", he: "heb", hi: "hin", hr: "hrv", hu: "hun", id: "ind",
  is: "isl", it: "ita", ja: "jpn", ko: "kor", lt: "lit", lv: "lav", ms: "msa", nb: "nob", nl: "nld", nn: "nno",
  no: "nor", pl: "pol", pt: "por", ro: "ron", ru: "rus", sk: "slk", sl: "slv", sr: "srp", sv: "swe", sw: "swa",
  ta: "tam", th: "tha", tl: "tgl", tr: "tur", uk: "ukr", ur: "urd", vi: "vie", zh: "zho",
};

/** "pt-BR" → "por"; a three-letter primary subtag is already ISO 639-2; unknown → "und". */
export function iso639_2(tag: string): string {
  const primary = tag.split("-")[0]!.toLowerCase();
  if (primary.length === 3) return primary;
  return ISO_639_2[primary] ?? "und";
}

/** Menus are in the site's language (English): "de" → "German", "pt-BR" → "Brazilian Portuguese". */
export function captionLanguageLabel(tag: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
