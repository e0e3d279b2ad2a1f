import "server-only";
import { unstable_cache } from "next/cache";
import { ANONYMOUS, type TViewer } from "../access/viewer";
import { db } from "../db.server";
import { getCourseLanding, type TCourseLanding } from "./get-course-landing";
import { getCourseToc, type TToc } from "./get-course-toc";
import { listCourses, type TCatalogEntry } from "./list-courses";
import { CATALOG_TAG, PUBLIC_CACHE_SECONDS } from "./catalog-cache";
import { seesHidden } from "./visibility";

// The catalog as everyone but an admin sees it is the same for every viewer (visibility.ts
// decides by role only), so it is read once and shared: by the cached anonymous pages, the
// signed-in course page and catalog, and the watch page (issue 12, docs/decisions/019-cached-pages.md).
// Tagged CATALOG_TAG (invalidated by every admin change: lib/catalog/invalidate-catalog.server.ts)
// and never older than PUBLIC_CACHE_SECONDS, which bounds what another instance, the import CLI
// and the worker (other processes) leave stale. Values are plain JSON (no Date), as the cache
// stores them. An admin's view (unpublished courses, segments without media) is never cached.

/** getCourseToc decides by role only (visibility.ts): an admin's view, nobody's data. */
const ADMIN_VISIBILITY: TViewer = { kind: "user", userId: "", role: "admin" };

const OPTIONS = { tags: [CATALOG_TAG], revalidate: PUBLIC_CACHE_SECONDS };

const publicToc = unstable_cache((slug: string) => getCourseToc(db, slug, ANONYMOUS), ["lectern-public-toc-v1"], OPTIONS);
const publicCatalog = unstable_cache(() => listCourses(db, ANONYMOUS), ["lectern-public-catalog-v1"], OPTIONS);
const landing = unstable_cache((courseId: string) => getCourseLanding(db, courseId), ["lectern-course-landing-v1"], OPTIONS);

/**
 * A course's table of contents as a viewer sees it who does (an admin) or does not see hidden
 * courses and segments (seesHidden): shared for everyone but admins.
 */
export function cachedCourseToc(slug: string, hidden: boolean): Promise<TToc | null> {
  return hidden ? getCourseToc(db, slug, ADMIN_VISIBILITY) : publicToc(slug);
}

/** The catalog `viewer` may see: shared for everyone but admins. */
export function cachedCatalog(viewer: TViewer): Promise<TCatalogEntry[]> {
  return seesHidden(viewer) ? listCourses(db, viewer) : publicCatalog();
}

/** A course's landing extras (cover, outcomes, instructors), for a course the caller may see. */
export function cachedCourseLanding(courseId: string): Promise<TCourseLanding | null> {
  return landing(courseId);
}
