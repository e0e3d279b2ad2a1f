import { handleTusRequest } from "@/lib/uploads/tus-handler.server";

// tus: HEAD (where to resume), PATCH (a chunk of ≤ 2 MiB), DELETE (abandon); admins only,
// checked inside on every request. docs/decisions/012-jobs-and-uploads.md.
export const dynamic = "force-dynamic";

export const HEAD = (request: Request) => handleTusRequest(request);
export const PATCH = (request: Request) => handleTusRequest(request);
export const DELETE = (request: Request) => handleTusRequest(request);
export const OPTIONS = (request: Request) => handleTusRequest(request);
