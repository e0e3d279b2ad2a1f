import { notFound } from "next/navigation";
import { ANONYMOUS } from "@/lib/access/viewer";
import { loadCatalogPage } from "@/lib/catalog/load-catalog-page.server";
import { CatalogView } from "@/components/catalog/catalog-view";
import "../../../player.css";

// The shared copy of the catalog, as an anonymous visitor sees it (issue 12,
// docs/decisions/019-cached-pages.md): the proxy rewrites an anonymous GET / here
// (CACHED_CATALOG_PATH) and refuses this path when asked for directly. `force-static`: no cookie,
// header or query string reaches the render. A param, so that `next build` (which has no
// catalog) renders nothing: the first visit does. Same invalidation as app/cached/courses.
export const dynamic = "force-static";
export const revalidate = 15;

export function generateStaticParams(): { audience: string }[] {
  return [];
}

export default async function CachedCatalogPage({ params }: { params: Promise<{ audience: string }> }) {
  if ((await params).audience !== "anonymous") notFound();
  return <CatalogView data={await loadCatalogPage(ANONYMOUS)} />;
}
