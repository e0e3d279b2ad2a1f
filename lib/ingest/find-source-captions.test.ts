import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findSourceCaptions, loadSourceCaptions } from "./find-source-captions";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-captions-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text = "1\n00:00:00,000 --> 00:00:01,000\nHi\n") => fs.writeFileSync(path.join(dir, name), text);

describe("findSourceCaptions", () => {
  it("finds <name>.srt|vtt (English) and <name>.<lang>.srt|vtt, English first, .vtt preferred", () => {
    for (const name of ["talk.mp4", "talk.srt", "talk.de.srt", "talk.pt-BR.srt", "talk.notes.srt", "talk-2.en.vtt", "other.fr.srt"]) write(name);
    write("talk.de.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n");
    expect(findSourceCaptions(path.join(dir, "talk.mp4")).map((c) => [c.language, path.basename(c.file)])).toEqual([
      ["en", "talk.srt"],
      ["de", "talk.de.vtt"],
      ["pt-BR", "talk.pt-BR.srt"],
    ]);
  });

  it("loads them as WebVTT, or lists every malformed cue as file:line", () => {
    write("clip.mp4", "");
    write("clip.fr.srt", "1\n00:00:01,000 --> 00:00:00,500\nà l'envers\n");
    write("clip.es.srt", "1\n00:00:00,000 --> 00:00:01,000\n\n");
    expect(loadSourceCaptions(path.join(dir, "clip.mp4"))).toEqual({
      ok: false,
      problems: [
        `${path.join(dir, "clip.es.srt")}:2: the cue has no text`,
        `${path.join(dir, "clip.fr.srt")}:2: the cue ends (00:00:00.500) before it starts (00:00:01.000)`,
      ],
    });
    expect(loadSourceCaptions(path.join(dir, "talk.mp4"))).toMatchObject({ ok: true, captions: [{ language: "en", vtt: "WEBVTT\n\n1\n00:00:00.000 --> 00:00:01.000\nHi\n" }, { language: "de" }, { language: "pt-BR" }] });
  });
});
