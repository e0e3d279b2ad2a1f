import { z } from "zod";

const slug = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be a lowercase slug (letters, digits, dashes)");

export const ZCourseParams = z.object({ course: slug });
export const ZSegmentParams = z.object({ course: slug, segment: slug });
export type TSegmentParams = z.infer<typeof ZSegmentParams>;
