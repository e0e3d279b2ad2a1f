import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { SegmentUploader } from "@/components/admin/upload/segment-uploader";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { UPLOAD_ENDPOINT } from "@/lib/uploads/tus-handler";
import { listUploadTargets } from "@/lib/uploads/list-upload-targets";
import { UPLOAD_CHUNK_BYTES } from "@/lib/uploads/upload-rules";
import "./uploads.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload" };

const ZSearch = z.object({ segment: z.string().max(64).optional().catch(undefined) });

export default async function UploadsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireAdmin();
  const { segment } = ZSearch.parse(await searchParams);
  const targets = await listUploadTargets(db);
  const initial = targets.some((t) => t.segmentId === segment) ? segment : undefined;
  return (
    <div className="page admin-page">
      <h1>Upload</h1>
      <p className="muted">
        A source video for a segment, or captions for it. Videos are transcoded by the worker (<code>npm run worker</code>); see{" "}
        <Link href="/admin/jobs">Jobs</Link>. To upload for a new segment, add it to its course in <Link href="/admin/courses" prefetch={false}>
          Courses
        </Link> first.
      </p>
      {targets.length === 0 ? (
        <p className="empty">There are no segments yet: create a course and add a segment to it first.</p>
      ) : (
        <SegmentUploader
          endpoint={UPLOAD_ENDPOINT}
          chunkSize={UPLOAD_CHUNK_BYTES}
          maxVideoBytes={env.UPLOAD_MAX_BYTES}
          targets={targets.map(({ segmentId, courseTitle, label, hasMedia }) => ({ segmentId, courseTitle, label, hasMedia }))}
          initialSegmentId={initial}
        />
      )}
    </div>
  );
}
