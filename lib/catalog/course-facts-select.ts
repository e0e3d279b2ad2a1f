import type { Prisma } from "../generated/sqlite/client";

/**
 * The facts about a course that several views show (course page, TOC API, downloads README,
 * receipts): one `select` so they stay the same. Authors in their order.
 */
export const COURSE_FACTS_SELECT = {
  id: true,
  slug: true,
  title: true,
  subtitle: true,
  description: true,
  publisher: true,
  publishedOn: true,
  priceCents: true,
  currency: true,
  resourcesUrl: true,
  authors: { select: { name: true }, orderBy: { position: "asc" } },
} as const satisfies Prisma.CourseSelect;
