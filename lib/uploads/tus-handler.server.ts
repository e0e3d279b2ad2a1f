import "server-only";
import { requireAdminApi } from "../access/require-admin.server";
import { writeAudit } from "../admin/write-audit";
import { db } from "../db.server";
import { env } from "../env.server";
import { createTusHandler } from "./tus-handler";

const globalForTus = globalThis as unknown as { lecternTusHandler?: (request: Request) => Promise<Response> };

/**
 * The app's one tus endpoint (both route files share it: @tus/server keeps its upload locks in
 * memory). Every request is an admin's (requireAdminApi: 401 / 403); each finished upload is
 * written to the audit log.
 */
export const handleTusRequest = (globalForTus.lecternTusHandler ??= createTusHandler({
  db,
  uploadRoot: env.UPLOAD_ROOT,
  mediaRoot: env.MEDIA_ROOT,
  maxVideoBytes: env.UPLOAD_MAX_BYTES,
  trustedProxyHops: env.TRUSTED_PROXY_HOPS,
  authorize: async () => requireAdminApi(),
  onUploaded: (tx, event) =>
    writeAudit(tx, {
      actor: { id: event.uploader.id, email: event.uploader.email },
      action: event.kind === "video" ? "segment.upload-video" : "segment.upload-captions",
      targetType: "segment",
      targetId: event.segmentId,
      after: { file: event.filename, ...(event.jobId ? { job: event.jobId } : {}) },
    }),
}));
