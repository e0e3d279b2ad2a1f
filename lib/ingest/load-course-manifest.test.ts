import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { loadCourseManifest, ManifestError } from "./load-course-manifest";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-manifest-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function goodManifest(): Record<string, any> {
  return {
    slug: "tiny-course",
    title: "Tiny Course",
    description: "A course for tests.",
    authors: ["Ada Lovelace"],
    publisher: "Lectern",
    publishedOn: "2016-08-15",
    price: "59.99",
    currency: "USD",
    parts: [
      {
        title: "First part",
        summary: "The start.",
        segments: [
          { slug: "hello", title: "Hello", subtitle: "World", sample: { seconds: 12 } },
          { slug: "chapters", title: "Chapters", chapters: [{ at: 0, title: "A" }, { at: 5, title: "B" }] },
        ],
      },
      { title: "Second part", segments: [{ slug: "bye", title: "Bye" }] },
    ],
  };
}

let counter = 0;
function write(content: string | object): string {
  const file = path.join(dir, `m${counter++}`, "course.yaml");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === "string" ? content : stringify(content));
  return file;
}

function problemsOf(content: string | object): string[] {
  const file = write(content);
  try {
    loadCourseManifest(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ManifestError);
    expect((error as Error).message).toContain(file);
    return (error as ManifestError).problems;
  }
  throw new Error("expected the manifest to be rejected");
}

function withChange(change: (m: Record<string, any>) => void): Record<string, any> {
  const m = goodManifest();
  change(m);
  return m;
}

describe("loadCourseManifest", () => {
  it("loads a good manifest and fills defaults", () => {
    const m = loadCourseManifest(write(goodManifest()));
    expect(m.slug).toBe("tiny-course");
    expect(m.price).toBe(5999);
    expect(m.publishedOn?.toISOString()).toBe("2016-08-15T00:00:00.000Z");
    expect(m.freePreviewParts).toBe(3);
    expect(m.currency).toBe("USD");
    expect(m.parts.map((p) => p.slug)).toEqual(["first-part", "second-part"]);
    const [hello, chapters] = m.parts[0]!.segments;
    expect(hello!.sampleSeconds).toBe(12);
    expect(hello!.subtitle).toBe("World");
    expect(chapters!.subtitle).toBe("");
    expect(chapters!.chapters).toHaveLength(2);
    expect(chapters!.sampleSeconds).toBeGreaterThanOrEqual(10);
    expect(chapters!.sampleSeconds).toBeLessThanOrEqual(30);
    // Deterministic: loading again gives the same generated length.
    expect(loadCourseManifest(write(goodManifest())).parts[0]!.segments[1]!.sampleSeconds).toBe(
      chapters!.sampleSeconds,
    );
  });

  it("accepts a free course with a numeric price and an unquoted YAML date", () => {
    const text = stringify(withChange((m) => { m.price = 0; delete m.publishedOn; })) + "publishedOn: 2016-08-15\n";
    const m = loadCourseManifest(write(text));
    expect(m.price).toBe(0);
    expect(m.publishedOn?.toISOString().slice(0, 10)).toBe("2016-08-15");
  });

  it.each([
    ["a segment slug that is not kebab-case", (m: any) => (m.parts[1].segments[0].slug = "Bye_Bye"), "parts[1].segments[0].slug", "kebab"],
    ["a course slug with spaces", (m: any) => (m.slug = "tiny course"), "slug", "kebab"],
    ["a missing title", (m: any) => delete m.title, "title", ""],
    ["an empty segment title", (m: any) => (m.parts[0].segments[0].title = "  "), "parts[0].segments[0].title", "empty"],
    ["a bad price", (m: any) => (m.price = "59.999"), "price", "decimal amount"],
    ["a bad date", (m: any) => (m.publishedOn = "August 2016"), "publishedOn", "date"],
    ["an impossible date", (m: any) => (m.publishedOn = "2016-02-30"), "publishedOn", "date"],
    ["a lowercase currency", (m: any) => (m.currency = "usd"), "currency", "ISO 4217"],
    ["a sample too long", (m: any) => (m.parts[0].segments[0].sample.seconds = 31), "parts[0].segments[0].sample.seconds", ""],
    ["a sample too short", (m: any) => (m.parts[0].segments[0].sample.seconds = 5), "parts[0].segments[0].sample.seconds", ""],
    ["a bad resources URL", (m: any) => (m.resourcesUrl = "not a url"), "resourcesUrl", ""],
    ["no authors", (m: any) => (m.authors = []), "authors", "author"],
    ["a part without segments", (m: any) => (m.parts[1].segments = []), "parts[1].segments", "at least one"],
    ["an unknown field", (m: any) => (m.parts[0].segments[0].durationSeconds = 12), "parts[0].segments[0]", "durationSeconds"],
    ["chapters out of order", (m: any) => (m.parts[0].segments[1].chapters[1].at = 0), "parts[0].segments[1].chapters[1].at", "increasing"],
    ["a chapter past the sample end", (m: any) => (m.parts[0].segments[0].chapters = [{ at: 20, title: "Late" }]), "parts[0].segments[0].chapters[0].at", "past the end"],
    ["a negative free preview count", (m: any) => (m.freePreviewParts = -1), "freePreviewParts", ""],
    ["a missing source file", (m: any) => (m.parts[0].segments[0].source = "missing.mp4"), "parts[0].segments[0].source", "not found"],
    ["a missing cover file", (m: any) => (m.cover = "cover.jpg"), "cover", "not found"],
    ["a cover that is not an image", (m: any) => (m.cover = "cover.gif"), "cover", ".jpg, .png or .webp"],
    ["a missing author photo", (m: any) => (m.authors = [{ name: "Ada", photo: "ada.png" }]), "authors[0].photo", "not found"],
    ["a duplicate author", (m: any) => (m.authors = ["Ada", { name: "Ada", bio: "Twice" }]), "authors[1]", "duplicate author"],
    ["an unknown author field", (m: any) => (m.authors = [{ name: "Ada", website: "x" }]), "authors[0]", ""],
    ["a two-line learning outcome", (m: any) => (m.learn = ["one\ntwo"]), "learn[0]", "one line"],
    ["an empty requirement", (m: any) => (m.requirements = ["  "]), "requirements[0]", "empty"],
  ])("rejects %s", (_name, change, fieldPath, words) => {
    const problems = problemsOf(withChange(change));
    const problem = problems.find((p) => p.startsWith(`${fieldPath}:`));
    expect(problem, problems.join("\n")).toBeDefined();
    expect(problem).toContain(words);
  });

  it("rejects a duplicate segment slug, naming both places", () => {
    const problems = problemsOf(withChange((m) => (m.parts[1].segments[0].slug = "hello")));
    expect(problems).toEqual([
      'parts[1].segments[0].slug: duplicate segment slug "hello" (first used at parts[0].segments[0])',
    ]);
  });

  it("rejects duplicate part slugs derived from titles", () => {
    const problems = problemsOf(withChange((m) => (m.parts[1].title = "First Part")));
    expect(problems[0]).toMatch(/^parts\[1\]\.title: duplicate part slug "first-part"/);
  });

  it("reads the landing page's fields: authors as names or with a bio and photo, outcomes, requirements, cover", () => {
    const file = write(
      withChange((m) => {
        m.authors = ["Ada Lovelace", { name: "Grace Hopper", bio: "Wrote the first compiler.", photo: "grace.png" }];
        m.learn = ["Write a loop", "Read a stack trace"];
        m.requirements = ["A computer"];
        m.cover = "art/cover.webp";
      }),
    );
    fs.writeFileSync(path.join(path.dirname(file), "grace.png"), "");
    fs.mkdirSync(path.join(path.dirname(file), "art"));
    fs.writeFileSync(path.join(path.dirname(file), "art", "cover.webp"), "");
    const m = loadCourseManifest(file);
    expect(m.authors).toEqual([
      { name: "Ada Lovelace", bio: "", photo: undefined },
      { name: "Grace Hopper", bio: "Wrote the first compiler.", photo: "grace.png" },
    ]);
    expect(m.learn).toEqual(["Write a loop", "Read a stack trace"]);
    expect(m.requirements).toEqual(["A computer"]);
    expect(m.cover).toBe("art/cover.webp");
    const plain = loadCourseManifest(write(goodManifest()));
    expect(plain).toMatchObject({ learn: [], requirements: [] });
    expect(plain.cover).toBeUndefined();
  });

  it("accepts a year-only publication date", () => {
    const m = loadCourseManifest(write(withChange((c) => (c.publishedOn = 2016))));
    expect(m.publishedOn?.toISOString().slice(0, 10)).toBe("2016-01-01");
  });

  it("reports a YAML syntax error with its line", () => {
    const problems = problemsOf("slug: x\ntitle: [unclosed\nauthors: []\n");
    expect(problems[0]).toMatch(/YAML syntax error/);
    expect(problems[0]).toMatch(/line \d+/);
  });

  it("reports a duplicate YAML key", () => {
    const problems = problemsOf("slug: a\nslug: b\n");
    expect(problems[0]).toMatch(/YAML syntax error.*[Uu]nique|YAML syntax error.*duplicate/i);
  });

  it("reports a missing file", () => {
    expect(() => loadCourseManifest(path.join(dir, "nope", "course.yaml"))).toThrow(/cannot read file/);
  });

  it("resolves a source relative to the manifest", () => {
    const file = write(withChange((m) => (m.parts[0].segments[0].source = "clips/hello.mp4")));
    fs.mkdirSync(path.join(path.dirname(file), "clips"));
    fs.writeFileSync(path.join(path.dirname(file), "clips/hello.mp4"), "");
    const m = loadCourseManifest(file);
    expect(m.directory).toBe(path.dirname(file));
    expect(m.parts[0]!.segments[0]!.source).toBe("clips/hello.mp4");
  });
});
