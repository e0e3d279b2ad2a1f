import { z } from "zod";
import { zSlug } from "../../catalog/slug";
import { zCurrency, zId, zMoney, zRequiredText, zText, zWholeNumber } from "../form-fields";

/** "New course": its slug (the URL and the stable id, lib/ingest/stable-id.ts) and a title. */
export const ZCreateCourse = z.object({
  slug: zSlug("Slug must be lowercase words joined by single hyphens, e.g. python-for-teams"),
  title: zRequiredText("Title", 200),
});
export type TCreateCourse = z.infer<typeof ZCreateCourse>;

const MAX_AUTHORS = 20;

/** One author per line; blank lines dropped, duplicates refused. */
const zAuthors = zText("Authors", 2_000)
  .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
  .refine((names) => names.length <= MAX_AUTHORS, `At most ${MAX_AUTHORS} authors`)
  .refine((names) => names.every((n) => n.length <= 100), "Each author's name is at most 100 characters")
  .refine((names) => new Set(names).size === names.length, "An author is listed twice");

/**
 * One item per line (the landing page's "What you'll learn" and requirements, issue 10): blank
 * lines dropped, the same limits as the manifest's lists, stored newline-joined. A post without
 * the field leaves it as it is.
 */
const zLines = (label: string) =>
  z.preprocess(
    (value) => (value === null ? undefined : value),
    zText(label, 5_000)
      .transform((text) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))
      .refine((items) => items.length <= 20, `${label}: at most 20 items`)
      .refine((items) => items.every((i) => i.length <= 200), `${label}: each line is at most 200 characters`)
      .transform((items) => items.join("\n"))
      .optional(),
  );

/** The details a seller edits on the course page. */
export const ZCourseDetails = z.object({
  courseId: zId,
  title: zRequiredText("Title", 200),
  subtitle: zText("Subtitle", 300),
  description: zText("Description", 20_000),
  authors: zAuthors,
  outcomes: zLines("What you'll learn"),
  requirements: zLines("Requirements"),
  price: zMoney("Price"),
  currency: zCurrency,
  freePreviewParts: zWholeNumber("Free preview parts", 0, 100),
});
export type TCourseDetails = z.infer<typeof ZCourseDetails>;

/** An author's bio on the landing page (issue 10); empty hides the author from "Your instructor". */
export const ZAuthorBio = z.object({ authorId: zId, bio: zText("Bio", 2_000) });
export type TAuthorBio = z.infer<typeof ZAuthorBio>;

export const ZSetPublished = z.object({
  courseId: zId,
  published: z.enum(["true", "false"], { message: "Choose publish or unpublish" }).transform((v) => v === "true"),
});
export type TSetPublished = z.infer<typeof ZSetPublished>;

export const ZAddPart = z.object({ courseId: zId, title: zRequiredText("Part title", 200) });
export type TAddPart = z.infer<typeof ZAddPart>;

export const ZRenamePart = z.object({ partId: zId, title: zRequiredText("Part title", 200) });
export type TRenamePart = z.infer<typeof ZRenamePart>;

export const ZAddSegment = z.object({
  partId: zId,
  slug: zSlug("Slug must be lowercase words joined by single hyphens, e.g. what-is-python"),
  title: zRequiredText("Segment title", 200),
});
export type TAddSegment = z.infer<typeof ZAddSegment>;

export const ZRenameSegment = z.object({
  segmentId: zId,
  title: zRequiredText("Segment title", 200),
  subtitle: zText("Subtitle", 300),
});
export type TRenameSegment = z.infer<typeof ZRenameSegment>;

/** Move one place up or down in its part, or to the end of another part of the same course. */
export const ZMoveSegment = z
  .object({
    segmentId: zId,
    direction: z.union([z.enum(["up", "down"], { message: "Choose up or down" }), z.literal("").transform(() => null), z.null()]),
    toPartId: z.union([zId, z.literal("").transform(() => null), z.null()]),
  })
  .refine((v) => v.direction !== null || v.toPartId !== null, { message: "Choose where to move the segment", path: ["toPartId"] });
export type TMoveSegment = z.infer<typeof ZMoveSegment>;

/** Move a part one place up or down in its course (its segments go with it). */
export const ZMovePart = z.object({
  partId: zId,
  direction: z.enum(["up", "down"], { message: "Choose up or down" }),
});
export type TMovePart = z.infer<typeof ZMovePart>;

export const ZArchiveSegment = z.object({ segmentId: zId });
export type TArchiveSegment = z.infer<typeof ZArchiveSegment>;
