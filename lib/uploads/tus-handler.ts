import path from "node:path";
import { FileStore } from "@tus/file-store";
import { Server } from "@tus/server";
import type { Db } from "../db";
import type { Prisma } from "../generated/sqlite/client";
import { AppError } from "../errors";
import { errorResponse } from "../http/error-response";
import { isForeignOrigin } from "../http/same-origin";
import { enqueueTranscode } from "../jobs/enqueue-transcode";
import { attachCaptions, CaptionsRejected } from "./attach-captions";
import { FileLocker } from "./file-locker";
import { decideUpload, UPLOAD_PATCH_MAX_BYTES } from "./upload-rules";

/** Where the tus endpoint answers; upload URLs are `${UPLOAD_ENDPOINT}/<id>`. */
export const UPLOAD_ENDPOINT = "/api/admin/uploads";

export type TUploader = { id: string; email: string };

export type TTusHandlerDeps = {
  db: Db;
  uploadRoot: string;
  mediaRoot: string;
  maxVideoBytes: number;
  /** TRUSTED_PROXY_HOPS (lib/http/same-origin.ts). */
  trustedProxyHops: number;
  /** The admin check (401 anonymous, 403 learner) as an AppError; runs first on every request. */
  authorize: (request: Request) => Promise<TUploader>;
  /**
   * The audit log: for a video, written in the transaction that queues its job; for captions,
   * once they are attached.
   */
  onUploaded?: (
    tx: Prisma.TransactionClient,
    event: { uploader: TUploader; kind: "video" | "captions"; segmentId: string; filename: string; jobId?: string },
  ) => Promise<void>;
};

/** A refusal tus sends to the client as it is (status and a text body; tus-js-client shows it). */
const refusal = (status_code: number, body: string) => ({ status_code, body: `${body}\n` });

/**
 * The resumable upload endpoint (tus 1.0 via @tus/server's handleWeb; docs/decisions/012):
 * every request — POST (create), HEAD (offset, for resuming), PATCH (a chunk), DELETE, OPTIONS —
 * is an admin's (authorize first, same origin), a PATCH declares a Content-Length of at most
 * UPLOAD_PATCH_MAX_BYTES, a new upload must be a video (or captions) within the size limit for an
 * existing segment. A finished video becomes a TranscodeJob; finished captions are attached at once.
 * Files land in UPLOAD_ROOT under random names, never under a name the client chose.
 */
export function createTusHandler(deps: TTusHandlerDeps): (request: Request) => Promise<Response> {
  const uploaders = new WeakMap<Request, TUploader>();
  const server = new Server({
    path: UPLOAD_ENDPOINT,
    datastore: new FileStore({ directory: deps.uploadRoot }),
    // Locks beside the uploads, so every instance sharing UPLOAD_ROOT sees them (not tus's in-memory default).
    locker: new FileLocker({ directory: deps.uploadRoot }),
    relativeLocation: true,
    maxSize: deps.maxVideoBytes,
    // Same origin only: no CORS headers for anyone.
    allowedOrigins: () => false,
    async onUploadCreate(req, upload) {
      const decision = decideUpload({ metadata: upload.metadata ?? {}, size: upload.size, maxVideoBytes: deps.maxVideoBytes });
      if (!decision.ok) throw refusal(/larger than/.test(decision.message) ? 413 : 400, decision.message);
      const segment = await deps.db.segment.findUnique({ where: { id: decision.metadata.segmentId }, select: { archivedAt: true } });
      if (!segment) throw refusal(404, "That segment does not exist (any more).");
      if (segment.archivedAt) throw refusal(409, "That segment is archived; restore it before uploading to it.");
      const uploader = uploaders.get(req as unknown as Request);
      return { metadata: { ...upload.metadata, ...(decision.metadata.language ? { language: decision.metadata.language } : {}), uploaderId: uploader?.id ?? null } };
    },
    async onUploadFinish(req, upload): Promise<{ headers: Record<string, string> }> {
      const decision = decideUpload({ metadata: upload.metadata ?? {}, size: upload.size, maxVideoBytes: deps.maxVideoBytes });
      if (!decision.ok) throw refusal(400, decision.message);
      const { segmentId, kind, filename, language } = decision.metadata;
      const uploader = uploaders.get(req as unknown as Request) ?? { id: "", email: "" };
      if (kind === "video") {
        const job = await enqueueTranscode(
          deps.db,
          { segmentId, sourcePath: upload.id, sourceName: filename, createdById: uploader.id || null },
          (tx, jobId) => deps.onUploaded?.(tx, { uploader, kind, segmentId, filename, jobId }) ?? Promise.resolve(),
        );
        return { headers: { "Lectern-Job": job.id } };
      }
      try {
        await attachCaptions(deps.db, {
          mediaRoot: deps.mediaRoot,
          segmentId,
          uploadFile: path.join(deps.uploadRoot, upload.id),
          uploadId: upload.id,
          filename,
          language: language ?? "en",
        });
      } catch (error) {
        if (error instanceof CaptionsRejected) throw refusal(422, error.message);
        throw error;
      }
      const onUploaded = deps.onUploaded;
      if (onUploaded) await deps.db.$transaction((tx) => onUploaded(tx, { uploader, kind, segmentId, filename }));
      return { headers: { "Lectern-Captions": language ?? "en" } };
    },
  });

  return async (request: Request) => {
    try {
      const uploader = await deps.authorize(request);
      if (request.method !== "OPTIONS" && request.method !== "HEAD" && isForeignOrigin(request.headers, deps.trustedProxyHops)) {
        throw new AppError("FORBIDDEN", "Cross-site request refused.");
      }
      if (request.method === "PATCH") {
        if (request.headers.has("transfer-encoding") || !request.headers.has("content-length")) {
          throw new AppError("LENGTH_REQUIRED", "An upload chunk must declare its Content-Length.");
        }
        if (Number(request.headers.get("content-length")) > UPLOAD_PATCH_MAX_BYTES) {
          throw new AppError("PAYLOAD_TOO_LARGE", `An upload chunk must not exceed ${UPLOAD_PATCH_MAX_BYTES} bytes.`);
        }
      }
      uploaders.set(request, uploader);
      const response = await server.handleWeb(request);
      response.headers.set("Cache-Control", "no-store");
      return response;
    } catch (error) {
      return errorResponse(error);
    }
  };
}
