import { z } from "zod";
import { zSlug } from "./slug";

const slug = zSlug("must be a lowercase slug (letters, digits, single dashes)");

export const ZCourseParams = z.object({ course: slug });
export const ZSegmentParams = z.object({ course: slug, segment: slug });
export type TSegmentParams = z.infer<typeof ZSegmentParams>;
