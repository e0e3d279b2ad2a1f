import "server-only";
import { revalidateTag } from "next/cache";
import { dropPageSnapshots } from "../http/page-snapshots";
import { CATALOG_TAG } from "./catalog-cache";

/**
 * After a change to what the public pages show (an admin edit, a publish, a price, a new
 * segment): this instance drops its cached catalog data and cached pages at once ({ expire: 0 }:
 * the next request renders anew, nobody is served the old copy). Other instances and other
 * processes catch up within PUBLIC_CACHE_SECONDS (lib/catalog/catalog-cache.ts, ADR 011).
 * Only inside a server action or a route handler (Next keeps the tag manifest per request).
 */
export function invalidateCatalog(): void {
  revalidateTag(CATALOG_TAG, { expire: 0 });
  // And Node's short-lived copies of those pages' answers (lib/http/page-snapshots.ts).
  dropPageSnapshots();
}
