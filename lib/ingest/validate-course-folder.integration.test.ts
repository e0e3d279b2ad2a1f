import fs from "node:fs";
import os from "node:os";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAudioOnly, makeSourceVideo, truncateCopy } from "../../tests/support/make-source-video";
import { formatProblem, validateCourseFolder } from "./validate-course-folder";

// Bad manifests and bad sources → the exact lines the CLI prints, all at once.

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-validate-"));
  const media = path.join(root, "media");
  makeSourceVideo(path.join(media, "good.mp4"), { width: 320, height: 180, seconds: 2 });
  makeAudioOnly(path.join(media, "voice.m4a"));
  truncateCopy(path.join(media, "good.mp4"), path.join(media, "cut.mp4"), 0.5);
  fs.writeFileSync(path.join(media, "notes.webm"), "these are my notes, not a video\n");
  makeSourceVideo(path.join(media, "talk.mp4"), { width: 320, height: 180, seconds: 2 });
  fs.writeFileSync(path.join(media, "talk.de.srt"), "1\n00:00:00,000 --> 00:00:01,000\nHallo\n\n2\n00:00:01,000 -> 00:00:02,000\nKaputt\n");
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function course(name: string, yaml: string): string {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "course.yaml"), yaml);
  fs.cpSync(path.join(root, "media"), path.join(dir, "media"), { recursive: true });
  return dir;
}

async function lines(dir: string): Promise<string[]> {
  const check = await validateCourseFolder(dir);
  return check.ok ? [] : check.problems.map(formatProblem);
}

const valid = `slug: tiny
title: Tiny
authors: [Ada]
price: "9.99"
parts:
  - title: One
    segments:
      - { slug: a, title: A, source: media/good.mp4 }
`;

describe("validateCourseFolder", () => {
  it("accepts a valid course and measures its sources", async () => {
    const check = await validateCourseFolder(course("ok", valid));
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.sources.get("media/good.mp4")?.video).toMatchObject({ width: 320, height: 180 });
  });

  it("checks the landing page's images before any encode: a cover that is no image, a missing portrait (issue 10)", async () => {
    const dir = course(
      "images",
      valid.replace("authors: [Ada]", "cover: media/notes.jpg\nauthors:\n  - { name: Ada, photo: media/ada.png }"),
    );
    fs.writeFileSync(path.join(dir, "media", "notes.jpg"), "not a picture\n");
    const problems = await lines(dir);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(new RegExp(`^${path.join(dir, "media", "notes.jpg")}: cover: not an image ffmpeg can read \\(.+\\) — fix: export it again as JPEG or PNG$`));
    expect(problems[1]).toBe(`${path.join(dir, "media", "ada.png")}: authors[0].photo: file not found — fix: check the path (relative to course.yaml) or put the image there`);
    // A real picture passes (the poster-sized frame ffmpeg draws here).
    fs.rmSync(path.join(dir, "media", "notes.jpg"));
    makeSourceVideo(path.join(dir, "media", "clip.mp4"), { width: 320, height: 180, seconds: 1 });
    execFileSync("ffmpeg", ["-v", "error", "-y", "-i", path.join(dir, "media", "clip.mp4"), "-frames:v", "1", path.join(dir, "media", "notes.jpg")]);
    fs.copyFileSync(path.join(dir, "media", "notes.jpg"), path.join(dir, "media", "ada.png"));
    expect(await lines(dir)).toEqual([]);
  });

  it("names a folder without course.yaml", async () => {
    const dir = path.join(root, "empty");
    fs.mkdirSync(dir);
    const file = path.join(dir, "course.yaml");
    expect(await lines(dir)).toEqual([`${file}: no course.yaml in this folder — fix: create ${file} (see the README's "Authoring a course")`]);
  });

  it("reports a YAML syntax error with its line", async () => {
    const dir = course("syntax", `slug: tiny\ntitle: [Tiny\nauthors: [Ada]\n`);
    const [line, ...rest] = await lines(dir);
    expect(rest).toEqual([]);
    expect(line).toMatch(new RegExp(`^${path.join(dir, "course.yaml")}:\\d+:\\d+: YAML syntax error: .+ — fix: correct the YAML \\(indentation, quotes, a missing colon\\)$`));
  });

  it("lists every manifest and source problem at once, with file, field path and fix", async () => {
    const dir = course(
      "bad",
      `slug: Tiny Course
title: ""
authors: []
price: "9.999"
colour: blue
parts:
  - title: One
    segments:
      - { slug: a, title: A, source: media/good.mp4 }
      - { slug: b, title: B, source: media/missing.mp4 }
      - { slug: c, title: C, source: media/voice.m4a }
      - { slug: d, title: D, source: media/cut.mp4 }
      - { slug: e, title: E, source: media/notes.webm }
      - { slug: f, title: F, source: media/talk.mp4 }
      - { slug: a, title: A again }
  - title: Two
    segments: []
`,
    );
    const yaml = path.join(dir, "course.yaml");
    const media = (f: string) => path.join(dir, "media", f);
    const got = await lines(dir);
    expect(got.slice(0, 8)).toEqual([
      `${yaml}: slug: must be lowercase kebab-case (a-z, 0-9, single hyphens), e.g. what-is-python — fix: use lowercase letters, digits and single hyphens, e.g. what-is-python`,
      `${yaml}: title: must not be empty — fix: write a title`,
      `${yaml}: authors: name at least one author — fix: list at least 1 under \`authors:\``,
      `${yaml}: price: must be a decimal amount like "59.99", got "9.999" — fix: correct \`price\``,
      `${yaml}: parts[1].segments: a part needs at least one segment — fix: list at least 1 under \`segments:\``,
      `${yaml}: (root): unknown field(s) colour — fix: remove colour or correct the spelling (see the README's "Authoring a course")`,
      `${media("missing.mp4")}: parts[0].segments[1].source: file not found — fix: check the path (relative to course.yaml) or put the recording there`,
      `${media("voice.m4a")}: parts[0].segments[2].source: has no video stream (audio only) — fix: point \`source\` at a video file`,
    ]);
    expect(got[8]).toBe(
      `${media("cut.mp4")}: parts[0].segments[3].source: ffmpeg cannot read it: moov atom not found — fix: copy or export the recording again; this copy is incomplete`,
    );
    // What ffmpeg says of a text file depends on which demuxer guessed at it; the shape does not.
    expect(got[9]).toMatch(
      new RegExp(`^${media("notes.webm")}: parts\\[0\\]\\.segments\\[4\\]\\.source: ffmpeg cannot read it: .+ — fix: re-export it as MP4 \\(H\\.264 \\+ AAC\\) or another format ffmpeg reads$`),
    );
    expect(got[10]).toBe(
      `${media("talk.de.srt")}:6: captions of parts[0].segments[5].source: expected a cue timing line (00:00:01,000 --> 00:00:02,500), found "00:00:01,000 -> 00:00:02,000" — fix: correct the cue (a timing line like 00:00:01.000 --> 00:00:04.000, then its text) or remove the file`,
    );
    expect(got).toHaveLength(11);
  });
});
