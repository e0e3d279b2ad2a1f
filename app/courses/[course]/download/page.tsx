import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canDownloadCourse } from "@/lib/access/can-download-course";
import { getViewer } from "@/lib/access/get-viewer.server";
import { formatDuration, formatPrice } from "@/lib/catalog/format-duration";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { db } from "@/lib/db.server";
import { courseZipSize } from "@/lib/downloads/course-zip";
import { courseZipUrl, segmentDownloadUrl, type TDownloadSigning } from "@/lib/downloads/download-urls";
import { formatBytes } from "@/lib/downloads/format-bytes";
import { loadCourseDownloads } from "@/lib/downloads/load-course-downloads";
import { env } from "@/lib/env.server";
import "../../../downloads.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Downloads" };

type TProps = { params: Promise<{ course: string }> };

export default async function DownloadPage({ params }: TProps) {
  const parsed = ZCourseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const downloads = await loadCourseDownloads(db, env.MEDIA_ROOT, parsed.data.course);
  if (!downloads) notFound();
  const { course, parts } = downloads;
  const viewer = await getViewer();
  const access = await canDownloadCourse(db, viewer, course);
  // Hidden from everyone but admins (lib/catalog/visibility.ts): as if it did not exist.
  if (!access.allowed && access.reason === "unpublished") notFound();
  const here = `/courses/${course.slug}/download`;

  if (!access.allowed || viewer.kind !== "user") {
    return (
      <div className="page page--narrow downloads">
        <p className="breadcrumb">
          <Link href={`/courses/${course.slug}`}>{course.title}</Link>
        </p>
        <h1>Downloads</h1>
        <div className="downloads__denied" data-testid="downloads-denied">
          {access.reason === "sign-in-required" ? (
            <p>
              DRM-free downloads of every segment come with the course.{" "}
              <Link href={`/sign-in?next=${encodeURIComponent(here)}`}>Sign in</Link> with the account you bought it
              with, or <Link href={`/courses/${course.slug}`}>buy the course</Link>.
            </p>
          ) : (
            <p>
              Downloads are for owners of the course. <Link href={`/courses/${course.slug}/checkout`}>Buy it</Link> (
              {formatPrice(course.priceCents, course.currency)}) to download every segment and the whole course as a ZIP.
            </p>
          )}
        </div>
      </div>
    );
  }

  const signing: TDownloadSigning = {
    secret: env.MEDIA_SIGNING_KEY,
    ttlSeconds: env.DOWNLOAD_TOKEN_TTL_SECONDS,
    nowSeconds: Math.floor(Date.now() / 1000),
  };
  const zipSize = courseZipSize(downloads);
  const missing = parts.flatMap((p) => p.segments).filter((s) => !s.mp4).length;

  return (
    <div className="page downloads">
      <p className="breadcrumb">
        <Link href={`/courses/${course.slug}`}>{course.title}</Link>
      </p>
      <h1>Downloads</h1>
      <p className="muted">
        MP4 (H.264/AAC) with English subtitles and chapters, no DRM. Links work for{" "}
        {Math.round(env.DOWNLOAD_TOKEN_TTL_SECONDS / 3600)} hours; come back to this page for fresh ones.
      </p>
      <section className="downloads__all" aria-label="Whole course">
        <a className="button button--primary" href={courseZipUrl(course.slug, course.title, viewer.userId, signing)} download data-testid="download-zip">
          Download the whole course
        </a>
        <span className="downloads__size" data-testid="zip-size" data-bytes={zipSize}>
          ZIP, {formatBytes(zipSize)}
        </span>
        {missing > 0 ? <p className="form-error">{missing} segment(s) have no download file yet.</p> : null}
      </section>
      {parts.map((part) => (
        <section key={part.position} className="downloads__part" aria-label={part.title}>
          <h2>
            <span className="toc__part-number">{part.position}</span> {part.title}
          </h2>
          <ol className="downloads__list">
            {part.segments.map((s) => (
              <li key={s.slug} className="downloads__item" data-testid="download-item">
                <span className="downloads__number">
                  {s.partPosition}.{s.position}
                </span>
                <span className="downloads__title">
                  {s.title}
                  {s.subtitle ? <span className="muted"> — {s.subtitle}</span> : null}
                </span>
                <span className="downloads__duration muted">{formatDuration(s.durationSeconds)}</span>
                {s.mp4 ? (
                  <>
                    <span className="downloads__size" data-bytes={s.mp4.bytes}>
                      {formatBytes(s.mp4.bytes)}
                    </span>
                    <a className="button" href={segmentDownloadUrl(course.slug, s.slug, s.baseName, viewer.userId, signing)} download>
                      Download<span className="sr-only"> {s.title}</span>
                    </a>
                  </>
                ) : (
                  <span className="muted">Not available</span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
