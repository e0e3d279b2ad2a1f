import "server-only";
import { revalidateTag } from "next/cache";
import { after } from "next/server";
import { dropPageSnapshots } from "../http/page-snapshots";
import { CATALOG_TAG, LATE_WRITES_GRACE_MS } from "./catalog-cache";

function dropCatalogCopies(): void {
  revalidateTag(CATALOG_TAG, { expire: 0 });
  // And Node's short-lived copies of those pages' answers (lib/http/page-snapshots.ts).
  dropPageSnapshots();
}

/**
 * After a change to what the public pages show (an admin edit, a publish, a price, a new
 * segment): this instance drops its cached catalog data and cached pages at once ({ expire: 0 }:
 * the next request renders anew, nobody is served the old copy), and again LATE_WRITES_GRACE_MS
 * later, after the answer has gone (`after`), for the copies of renders that were under way.
 * Other instances and other processes catch up within PUBLIC_CACHE_SECONDS
 * (lib/catalog/catalog-cache.ts, ADR 011).
 * Only inside a server action or a route handler (Next keeps the tag manifest per request).
 */
export function invalidateCatalog(): void {
  dropCatalogCopies();
  after(async () => {
    await new Promise((resolve) => setTimeout(resolve, LATE_WRITES_GRACE_MS));
    dropCatalogCopies();
  });
}
