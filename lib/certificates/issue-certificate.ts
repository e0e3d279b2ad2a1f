import type { Db } from "../db";
import type { TEnv } from "../env";
import type { TViewer } from "../access/viewer";
import { getCourseToc } from "../catalog/get-course-toc";
import { formatTotal } from "../catalog/format-duration";
import { enqueueMail } from "../mail/enqueue-mail";
import { newCertificateToken, newVerificationId } from "./certificate-ids";

export type TCertificateDeps = { env: Pick<TEnv, "SMTP_URL" | "APP_URL"> };
export type TIssuedCertificate = { token: string; verificationId: string; url: string; issued: boolean };

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return e?.code === "P2002" || /unique constraint/i.test(e?.message ?? "");
}

export function certificateUrl(env: Pick<TEnv, "APP_URL">, token: string): string {
  return `${env.APP_URL}/certificates/${token}`;
}

/**
 * Issues the learner's certificate for a course once every segment they can see is complete
 * (completion is honest: lib/progress counts watched seconds, not seeks). Idempotent and safe
 * under concurrent progress reports: one certificate per (user, course), the mail written to
 * the outbox in the same transaction. Returns the certificate (new or existing) or null.
 */
export async function issueCertificateIfComplete(
  db: Db,
  deps: TCertificateDeps,
  viewer: Extract<TViewer, { kind: "user" }>,
  courseSlug: string,
): Promise<TIssuedCertificate | null> {
  const toc = await getCourseToc(db, courseSlug, viewer);
  if (!toc) return null;
  const existing = await db.certificate.findUnique({
    where: { userId_courseId: { userId: viewer.userId, courseId: toc.course.id } },
    select: { token: true, verificationId: true },
  });
  if (existing) return { ...existing, url: certificateUrl(deps.env, existing.token), issued: false };

  const segmentIds = toc.parts.flatMap((p) => p.segments.map((s) => s.id));
  if (segmentIds.length === 0) return null;
  const completed = await db.segmentProgress.count({
    where: { userId: viewer.userId, segmentId: { in: segmentIds }, completedAt: { not: null } },
  });
  if (completed < segmentIds.length) return null;

  const user = await db.user.findUniqueOrThrow({ where: { id: viewer.userId }, select: { name: true, email: true } });
  const token = newCertificateToken();
  const verificationId = newVerificationId();
  const url = certificateUrl(deps.env, token);
  try {
    await db.$transaction(async (tx) => {
      await tx.certificate.create({
        data: {
          token,
          verificationId,
          userId: viewer.userId,
          courseId: toc.course.id,
          learnerName: user.name,
          courseTitle: toc.course.title,
          authors: toc.course.authors.join(", "),
          totalSeconds: toc.course.totalSeconds,
        },
        select: { id: true },
      });
      await enqueueMail(tx, deps.env, {
        to: user.email,
        subject: `You completed ${toc.course.title.slice(0, 150)}`,
        text:
          `Congratulations, ${user.name}: you watched every segment of "${toc.course.title}" ` +
          `(${formatTotal(toc.course.totalSeconds)}).\n\nYour certificate of completion: ${url}\n` +
          `Verification id: ${verificationId}\n\nAnyone with the link can see it; add it to your LinkedIn profile from there.`,
      });
    });
  } catch (error) {
    // Another report of the same moment issued it first: theirs is the certificate.
    if (!isUniqueViolation(error)) throw error;
    const winner = await db.certificate.findUniqueOrThrow({
      where: { userId_courseId: { userId: viewer.userId, courseId: toc.course.id } },
      select: { token: true, verificationId: true },
    });
    return { ...winner, url: certificateUrl(deps.env, winner.token), issued: false };
  }
  return { token, verificationId, url, issued: true };
}
