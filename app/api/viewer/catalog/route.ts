import { handleRoute } from "@/lib/http/error-response";
import { catalogViewerResponse } from "@/lib/viewer/viewer-response";
import { viewerRouteDeps } from "@/lib/viewer/viewer-route-deps.server";

// The per-viewer parts of the catalog (issue 12, docs/decisions/019-cached-pages.md): "Owned"
// badges and progress for the viewer shell's cards. Personal: `private, no-store`, never cached.
export const dynamic = "force-dynamic";

export const GET = handleRoute(async (request: Request) => catalogViewerResponse(viewerRouteDeps, request));
