import type { TToc } from "./get-course-toc";

/**
 * schema.org `Course` for a course page (search engines and link previews): name, description,
 * authors, publisher, length, and the offer (price, free preview). Pure.
 */
export function courseStructuredData(toc: TToc, url: string, siteName: string): Record<string, unknown> {
  const { course } = toc;
  const hours = course.totalSeconds / 3600;
  return {
    "@context": "https://schema.org",
    "@type": "Course",
    name: course.title,
    description: course.subtitle || course.description.slice(0, 300),
    url,
    inLanguage: "en",
    ...(course.authors.length ? { author: course.authors.map((name) => ({ "@type": "Person", name })) } : {}),
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
