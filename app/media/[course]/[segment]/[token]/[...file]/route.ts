import { env } from "@/lib/env.server";
import { mediaOffload } from "@/lib/media/media-offload.server";
import { serveMediaRequest, type TMediaRequestParams } from "@/lib/media/serve-media-request";

export const dynamic = "force-dynamic";

type TContext = { params: Promise<TMediaRequestParams> };

const deps = {
  mediaRoot: env.MEDIA_ROOT,
  secret: env.MEDIA_SIGNING_KEY,
  nowSeconds: () => Math.floor(Date.now() / 1000),
  offload: mediaOffload,
};

export async function GET(request: Request, ctx: TContext) {
  return serveMediaRequest(deps, request, await ctx.params);
}

export async function HEAD(request: Request, ctx: TContext) {
  return serveMediaRequest(deps, request, await ctx.params);
}
