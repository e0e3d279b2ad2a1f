import { notFound } from "next/navigation";
import { ANONYMOUS } from "@/lib/access/viewer";
import { loadCatalogCards, loadCatalogPage } from "@/lib/catalog/load-catalog-page.server";
import { CatalogView } from "@/components/catalog/catalog-view";
import "../../../player.css";

// The shared renders of the catalog (issue 12, docs/decisions/019-cached-pages.md): `anonymous`,
// what an anonymous GET / is answered with (CACHED_CATALOG_PATH), and `viewer`, the viewer shell
// a signed-in viewer gets (VIEWER_SHELL_CATALOG_PATH), whose cards' badges and progress are
// filled in the browser from GET /api/viewer/catalog. The proxy refuses these paths when asked
// for directly. `force-static`: no cookie, header or query string reaches the render. A param,
// so that `next build` (which has no catalog) renders nothing: the first visit does. Same
// invalidation as app/cached/courses.
export const dynamic = "force-static";
export const revalidate = 15;

export function generateStaticParams(): { audience: string }[] {
  return [];
}

export default async function CachedCatalogPage({ params }: { params: Promise<{ audience: string }> }) {
  const { audience } = await params;
  if (audience === "anonymous") {
    const { cards, state } = await loadCatalogPage(null);
    return <CatalogView cards={cards} viewer={{ initial: state }} />;
  }
  if (audience !== "viewer") notFound();
  return <CatalogView cards={await loadCatalogCards(ANONYMOUS)} viewer={{ src: "/api/viewer/catalog" }} />;
}
