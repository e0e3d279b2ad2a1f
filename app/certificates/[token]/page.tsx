import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { certificateUrl } from "@/lib/certificates/issue-certificate";
import { linkedInAddUrl, loadCertificate } from "@/lib/certificates/load-certificate";
import { formatTotal } from "@/lib/catalog/format-duration";
import { formatReceiptDate } from "@/lib/commerce/format-money";
import { PrintButton } from "@/components/print-button";
import "../../certificate.css";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ token: string }> };

const load = cache(async (token: string) => loadCertificate(db, token));

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const certificate = await load((await params).token);
  if (!certificate) return { title: "Certificate not found" };
  return {
    title: `Certificate: ${certificate.courseTitle} — ${certificate.learnerName}`,
    // Shared on purpose by its owner; not for search engines to list people's names.
    robots: { index: false, follow: false },
  };
}

/** A certificate of completion, public at an unguessable URL; prints to one page. */
export default async function CertificatePage({ params }: TProps) {
  const certificate = await load((await params).token);
  if (!certificate) notFound();
  const url = certificateUrl(env, certificate.token);
  return (
    <div className="page certificate-page">
      <article className="certificate" data-testid="certificate" aria-labelledby="certificate-heading">
        <p className="certificate__brand">Lectern</p>
        <h1 id="certificate-heading" className="certificate__heading">
          Certificate of completion
        </h1>
        <p className="certificate__lead">This certifies that</p>
        <p className="certificate__name" data-testid="certificate-name">
          {certificate.learnerName}
        </p>
        <p className="certificate__lead">watched every segment of</p>
        <p className="certificate__course" data-testid="certificate-course">
          {certificate.courseTitle}
        </p>
        {certificate.authors ? <p className="certificate__authors">by {certificate.authors}</p> : null}
        <dl className="certificate__facts">
          <div>
            <dt>Completed</dt>
            <dd>{formatReceiptDate(certificate.issuedAt)}</dd>
          </div>
          <div>
            <dt>Length</dt>
            <dd>{formatTotal(certificate.totalSeconds)}</dd>
          </div>
          <div>
            <dt>Verification id</dt>
            <dd className="mono" data-testid="certificate-verification">
              {certificate.verificationId}
            </dd>
          </div>
        </dl>
        <p className="certificate__url">{url}</p>
      </article>
      <div className="certificate-actions">
        <a className="button button--primary" href={linkedInAddUrl(certificate, url)} rel="noopener noreferrer" target="_blank" data-testid="linkedin">
          Add to LinkedIn
        </a>
        <PrintButton />
        {certificate.courseSlug ? <Link href={`/courses/${certificate.courseSlug}`}>About the course</Link> : null}
      </div>
    </div>
  );
}
