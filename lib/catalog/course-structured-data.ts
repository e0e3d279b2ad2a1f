import type { TToc } from "./get-course-toc";
import type { TCourseLanding } from "./get-course-landing";

/**
 * schema.org `Course` for a course page (search engines and link previews): name, description,
 * authors, publisher, length, and the offer (price, free preview). Pure.
 */
export function courseStructuredData(
  toc: TToc,
  url: string,
  siteName: string,
  /** The landing page's cover, outcomes and instructors (issue 10), with absolute image URLs. */
  landing?: TCourseLanding | null,
): Record<string, unknown> {
  const { course } = toc;
  const hours = course.totalSeconds / 3600;
  const people = landing?.instructors ?? course.authors.map((name) => ({ name, bio: "", photo: null }));
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    name: course.title,
    description: course.subtitle || course.description.slice(0, 300),
    url,
    inLanguage: "en",
    ...(landing?.cover ? { image: landing.cover.url } : {}),
    ...(people.length
      ? {
          author: people.map((p) => ({
            "@type": "Person",
            name: p.name,
            ...(p.bio ? { description: p.bio } : {}),
            ...(p.photo ? { image: p.photo.url } : {}),
          })),
        }
      : {}),
    ...(landing?.outcomes.length ? { teaches: landing.outcomes } : {}),
    ...(landing?.requirements.length ? { coursePrerequisites: landing.requirements } : {}),
    provider: { "@type": "Organization", name: course.publisher || siteName },
    ...(course.publishedOn ? { datePublished: course.publishedOn } : {}),
    hasCourseInstance: {
      "@type": "CourseInstance",
      courseMode: "online",
      courseWorkload: `PT${Math.max(1, Math.round(hours * 60))}M`,
    },
    offers: {
      "@type": "Offer",
      category: course.priceCents > 0 ? "Paid" : "Free",
      price: (course.priceCents / 100).toFixed(2),
      priceCurrency: course.currency,
      url,
    },
    isAccessibleForFree: course.priceCents === 0,
  };
}

/** JSON for a <script type="application/ld+json">: nothing in it may close the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
