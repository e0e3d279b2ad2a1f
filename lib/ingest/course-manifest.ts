import { z } from "zod";
import { zSlug } from "../catalog/slug";
import { sampleSecondsFor } from "./sample-seconds";

/**
 * The shape of `content/<course>/course.yaml`: everything an author types about a course.
 * Durations are not here on purpose: they are measured from the media (ffprobe) at import.
 */

const ZSlug = zSlug();

const ZText = z.string().trim().min(1, { message: "must not be empty" });

/** "59.99", 59.99, "0" or 0 → cents. Strings are preferred: YAML floats are binary. */
const ZPrice = z
  .union([z.string(), z.number()])
  .transform((value, ctx) => {
    const text = typeof value === "number" ? value.toFixed(2) : value.trim();
    const match = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
    if (!match) {
      ctx.addIssue({ code: "custom", message: `must be a decimal amount like "59.99", got ${JSON.stringify(value)}` });
      return z.NEVER;
    }
    return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  });

/**
 * YAML turns 2016-08-15 into a Date; a quoted string works too. "2016" or "2016-08" are
 * accepted when only the year or month is known (stored as the first day).
 */
const ZDay = z.union([z.date(), z.string(), z.number().int()]).transform((value, ctx) => {
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  const iso = match ? `${match[1]}-${match[2] ?? "01"}-${match[3] ?? "01"}` : "";
  const date = new Date(`${iso}T00:00:00Z`);
  if (!match || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    ctx.addIssue({ code: "custom", message: `must be a date like 2016-08-15 (or 2016-08, 2016), got ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return date;
});

/** One line of a list ("what you'll learn", requirements): no line breaks (stored one per line). */
const ZListItem = z
  .string()
  .trim()
  .min(1, { message: "must not be empty" })
  .max(200, { message: "must be at most 200 characters" })
  .regex(/^[^\r\n]*$/, { message: "must be one line" });

/** An image beside the manifest (relative to it): JPEG, PNG or WebP; normalised at import. */
const ZImageFile = z
  .string()
  .trim()
  .min(1)
  .regex(/\.(jpe?g|png|webp)$/i, { message: "must be a .jpg, .png or .webp file" });

/** An author: just a name, or a name with a bio and a portrait (issue 10: the landing page). */
export const ZManifestAuthor = z.union([
  ZText.transform((name) => ({ name, bio: "", photo: undefined as string | undefined })),
  z.strictObject({
    name: ZText,
    bio: z.string().trim().max(2000, { message: "must be at most 2000 characters" }).default(""),
    /** A portrait beside the manifest. Absent → a generated portrait with the author's initials. */
    photo: ZImageFile.optional(),
  }),
]);

export const ZChapter = z.strictObject({
  at: z.number().min(0, { message: "must be ≥ 0 seconds" }),
  title: ZText,
});
export type TChapter = z.infer<typeof ZChapter>;

export const ZManifestSegment = z.strictObject({
  slug: ZSlug,
  title: ZText,
  subtitle: z.string().trim().default(""),
  /** A real video, relative to the manifest file. Absent → a generated sample. */
  source: z.string().trim().min(1).optional(),
  sample: z.strictObject({ seconds: z.number().int().min(10).max(30) }).optional(),
  chapters: z.array(ZChapter).optional(),
});

export const ZManifestPart = z.strictObject({
  /** Optional; defaults to the kebab-cased title. Keeps the part's id stable across reorders. */
  slug: ZSlug.optional(),
  title: ZText,
  summary: z.string().trim().default(""),
  segments: z.array(ZManifestSegment).min(1, { message: "a part needs at least one segment" }),
});

export const ZCourseManifest = z
  .strictObject({
    slug: ZSlug,
    title: ZText,
    subtitle: z.string().trim().default(""),
    description: z.string().trim().default(""),
    authors: z.array(ZManifestAuthor).min(1, { message: "name at least one author" }),
    publisher: z.string().trim().default(""),
    publishedOn: ZDay.optional(),
    price: ZPrice,
    currency: z.string().regex(/^[A-Z]{3}$/, { message: "must be an ISO 4217 code like USD" }).default("USD"),
    /** The first N parts are free to preview; N ≥ number of parts makes the whole course free to watch. */
    freePreviewParts: z.number().int().min(0).default(3),
    resourcesUrl: z.url().optional(),
    /** The landing page's cover (and share preview), beside the manifest. Absent → generated from the title. */
    cover: ZImageFile.optional(),
    /** "What you'll learn" on the landing page. */
    learn: z.array(ZListItem).max(20, { message: "at most 20 items" }).default([]),
    /** What a learner should know or have before starting. */
    requirements: z.array(ZListItem).max(20, { message: "at most 20 items" }).default([]),
    catalogPosition: z.number().int().default(0),
    /**
     * false keeps the course hidden from learners (catalog, pages, media, search). Absent: a new
     * course is published, a re-import leaves the flag as it is (an admin may have changed it).
     */
    published: z.boolean().optional(),
    parts: z.array(ZManifestPart).min(1, { message: "a course needs at least one part" }),
  })
  .superRefine((course, ctx) => {
    const authorNames = new Set<string>();
    course.authors.forEach((author, a) => {
      if (authorNames.has(author.name)) {
        ctx.addIssue({ code: "custom", path: ["authors", a], message: `duplicate author "${author.name}"` });
      }
      authorNames.add(author.name);
    });
    const segmentSlugs = new Map<string, string>();
    const partSlugs = new Map<string, string>();
    course.parts.forEach((part, p) => {
      const partSlug = part.slug ?? kebab(part.title);
      const firstPart = partSlugs.get(partSlug);
      if (firstPart) {
        ctx.addIssue({
          code: "custom",
          path: ["parts", p, part.slug ? "slug" : "title"],
          message: `duplicate part slug "${partSlug}" (also ${firstPart})`,
        });
      } else partSlugs.set(partSlug, `parts[${p}]`);
      part.segments.forEach((segment, s) => {
        const first = segmentSlugs.get(segment.slug);
        if (first) {
          ctx.addIssue({
            code: "custom",
            path: ["parts", p, "segments", s, "slug"],
            message: `duplicate segment slug "${segment.slug}" (first used at ${first})`,
          });
        } else segmentSlugs.set(segment.slug, `parts[${p}].segments[${s}]`);
        let previous = -1;
        segment.chapters?.forEach((chapter, c) => {
          if (chapter.at <= previous) {
            ctx.addIssue({
              code: "custom",
              path: ["parts", p, "segments", s, "chapters", c, "at"],
              message: "chapters must be in increasing order of `at`",
            });
          }
          const seconds = segment.sample?.seconds;
          if (!segment.source && seconds !== undefined && chapter.at >= seconds) {
            ctx.addIssue({
              code: "custom",
              path: ["parts", p, "segments", s, "chapters", c, "at"],
              message: `is past the end of the ${seconds} s sample`,
            });
          }
          previous = chapter.at;
        });
      });
    });
  })
  .transform((course) => ({
    ...course,
    parts: course.parts.map((part) => ({
      ...part,
      slug: part.slug ?? kebab(part.title),
      segments: part.segments.map((segment) => ({
        ...segment,
        chapters: segment.chapters ?? [],
        // Deterministic per course+segment so every machine generates the same media.
        sampleSeconds: segment.sample?.seconds ?? sampleSecondsFor(`${course.slug}/${segment.slug}`),
      })),
    })),
  }));

/** What the YAML file contains (before defaults). */
export type TCourseManifestInput = z.input<typeof ZCourseManifest>;
/** A validated manifest with defaults filled in; `sourcePath` is resolved by the loader. */
export type TCourseManifest = z.output<typeof ZCourseManifest> & { file: string; directory: string };
export type TManifestPart = TCourseManifest["parts"][number];
export type TManifestSegment = TManifestPart["segments"][number];

export function kebab(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}
