import type { Db } from "../db";
import { ZCertificateTokenPattern } from "./certificate-ids";

export type TCertificateView = {
  token: string;
  verificationId: string;
  learnerName: string;
  courseTitle: string;
  authors: string;
  totalSeconds: number;
  issuedAt: Date;
  courseSlug: string | null;
};

/** A certificate by its public token, or null (a malformed token never reaches the database). */
export async function loadCertificate(db: Db, token: string): Promise<TCertificateView | null> {
  if (!ZCertificateTokenPattern.test(token)) return null;
  const row = await db.certificate.findUnique({
    where: { token },
    select: {
      token: true,
      verificationId: true,
      learnerName: true,
      courseTitle: true,
      authors: true,
      totalSeconds: true,
      issuedAt: true,
      courseId: true,
    },
  });
  if (!row) return null;
  const course = await db.course.findUnique({ where: { id: row.courseId }, select: { slug: true } });
  const { courseId: _courseId, ...view } = row;
  return { ...view, courseSlug: course?.slug ?? null };
}

/** LinkedIn's "Add license or certification" link, filled in. */
export function linkedInAddUrl(certificate: TCertificateView, url: string, organization = "Lectern"): string {
  const query = new URLSearchParams({
    startTask: "CERTIFICATION_NAME",
    name: certificate.courseTitle,
    organizationName: organization,
    issueYear: String(certificate.issuedAt.getUTCFullYear()),
    issueMonth: String(certificate.issuedAt.getUTCMonth() + 1),
    certUrl: url,
    certId: certificate.verificationId,
  });
  return `https://www.linkedin.com/profile/add?${query}`;
}
