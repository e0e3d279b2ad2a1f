import type { Metadata } from "next";
import Link from "next/link";
import { JobsAutoRefresh } from "@/components/admin/upload/jobs-auto-refresh";
import { RetryJobButton } from "@/components/admin/upload/retry-job-button";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { db } from "@/lib/db.server";
import { hasActiveJobs, listJobs } from "@/lib/jobs/list-jobs";
import { retryJobAction } from "./actions";
import "../uploads/uploads.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Jobs" };

const time = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function JobsPage() {
  await requireAdmin();
  const jobs = await listJobs(db);
  return (
    <div className="page admin-page">
      <h1>Jobs</h1>
      <p className="muted">
        Transcodes of uploaded videos, newest first. The worker (<code>npm run worker</code>) takes them one at a time; a segment switches to
        its new video only when its job has succeeded. <Link href="/admin/uploads">Upload a video</Link>.
      </p>
      <JobsAutoRefresh active={hasActiveJobs(jobs)} />
      {jobs.length === 0 ? (
        <p className="empty">No uploads yet.</p>
      ) : (
        <ul className="jobs">
          {jobs.map((job) => (
            <li key={job.id} className="job" data-job={job.id} data-status={job.status}>
              <div className="job__head">
                <span className={`job__status job__status--${job.status}`}>{job.status}</span>
                <strong>{job.sourceName || "(unnamed file)"}</strong>
                <span className="muted">
                  → {job.segment.course.title} / {job.segment.title}
                </span>
              </div>
              {job.status === "running" || job.status === "queued" ? (
                <progress max={100} value={Math.round(job.progress * 100)} aria-label={`Progress of ${job.sourceName}`} />
              ) : null}
              <span className="muted">
                {job.status === "running" ? `${Math.round(job.progress * 100)} % · ` : ""}
                uploaded {time.format(job.createdAt)} UTC
                {job.finishedAt ? ` · finished ${time.format(job.finishedAt)} UTC` : ""}
                {job.attempts > 1 ? ` · attempt ${job.attempts}` : ""}
              </span>
              {job.error ? <p className="job__error">{job.error}</p> : null}
              <div className="job__actions">
                {job.status === "failed" || job.status === "cancelled" ? <RetryJobButton jobId={job.id} action={retryJobAction} /> : null}
                {job.status === "succeeded" ? <Link href={`/courses/${job.segment.course.slug}/${job.segment.slug}`}>Watch it</Link> : null}
                <Link href={`/admin/uploads?segment=${job.segment.id}`}>Upload again</Link>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
