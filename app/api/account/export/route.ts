import { db } from "@/lib/db.server";
import { getViewer } from "@/lib/access/get-viewer.server";
import { exportAccountData } from "@/lib/account/export-account-data";
import { AppError } from "@/lib/errors";
import { handleRoute } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

/** GET /api/account/export: "Download my data" — everything about the caller, as JSON. */
export const GET = handleRoute(async () => {
  const viewer = await getViewer();
  if (viewer.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in to download your data.");
  const data = await exportAccountData(db, viewer.userId);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="lectern-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
