import { handleTusRequest } from "@/lib/uploads/tus-handler.server";

// tus: POST creates an upload (admins only, checked inside); docs/decisions/012-jobs-and-uploads.md.
export const dynamic = "force-dynamic";

export const POST = (request: Request) => handleTusRequest(request);
export const OPTIONS = (request: Request) => handleTusRequest(request);
