import { getViewer } from "@/lib/access/get-viewer.server";
import { loadCatalogPage } from "@/lib/catalog/load-catalog-page.server";
import { CatalogView } from "@/components/catalog/catalog-view";
import "./player.css";

// Rendered per request for a signed-in viewer (progress, "Owned") and for a query string; an
// anonymous visitor without one is answered from the shared cached render, app/cached/home
// (proxy.ts, lib/http/decide-cached-page.ts, issue 12).
export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  return <CatalogView data={await loadCatalogPage(await getViewer())} />;
}
