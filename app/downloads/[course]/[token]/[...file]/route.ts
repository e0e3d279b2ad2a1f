import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { serveDownloadRequest, type TDownloadRequestParams } from "@/lib/downloads/serve-download-request";
import { mediaOffload } from "@/lib/media/media-offload.server";

export const dynamic = "force-dynamic";

type TContext = { params: Promise<TDownloadRequestParams> };

const deps = {
  db,
  mediaRoot: env.MEDIA_ROOT,
  secret: env.MEDIA_SIGNING_KEY,
  nowSeconds: () => Math.floor(Date.now() / 1000),
  offload: mediaOffload,
};

export async function GET(request: Request, ctx: TContext) {
  return serveDownloadRequest(deps, request, await ctx.params);
}

export async function HEAD(request: Request, ctx: TContext) {
  return serveDownloadRequest(deps, request, await ctx.params);
}
