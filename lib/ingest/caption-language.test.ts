import { describe, expect, it } from "vitest";
import { CAPTION_LANGUAGE_TAG, captionLanguageLabel, iso639_2 } from "./caption-language";

describe("caption languages", () => {
  it("maps tags to the ISO 639-2 codes MP4 tracks carry", () => {
    expect(["en", "de", "pt-BR", "zh-Hant", "fil", "xx"].map(iso639_2)).toEqual(["eng", "deu", "por", "zho", "fil", "und"]);
  });
  it("names languages for menus", () => {
    expect(["en", "de", "pt-BR", "fr"].map(captionLanguageLabel)).toEqual(["English", "German", "Brazilian Portuguese", "French"]);
  });
  it("accepts BCP 47 tags as file names use them, nothing else", () => {
    expect(["en", "pt-BR", "zh-Hant", "fil"].every((t) => CAPTION_LANGUAGE_TAG.test(t))).toBe(true);
    expect(["EN", "english", "notes", "en_US", "", "e"].some((t) => CAPTION_LANGUAGE_TAG.test(t))).toBe(false);
  });
});
