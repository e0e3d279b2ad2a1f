import { getCurrentUser } from "@/lib/access/get-viewer.server";
import { loadCatalogPage } from "@/lib/catalog/load-catalog-page.server";
import { CatalogView } from "@/components/catalog/catalog-view";
import "./player.css";

// Rendered per request for a query string and for an admin (lib/viewer/per-request-cookie.ts); a
// plain GET is answered from a shared render, app/cached/home: the anonymous one, or the viewer
// shell for a signed-in viewer (proxy.ts, lib/http/decide-cached-page.ts, issue 12).
export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const { cards, state } = await loadCatalogPage(await getCurrentUser());
  return <CatalogView cards={cards} viewer={{ initial: state }} />;
}
