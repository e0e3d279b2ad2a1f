import type { Db } from "../db";

/**
 * Everything Lectern holds about a person, as one JSON document ("Download my data"): the
 * account, orders (with the billing details given), purchases, progress, notes, certificates
 * and player settings. Never secrets: no password hash, session tokens or verification codes.
 */
export async function exportAccountData(db: Db, userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, emailVerified: true, role: true, createdAt: true, updatedAt: true },
  });
  const [orders, purchases, progress, notes, certificates, preference, sessions] = await Promise.all([
    db.order.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        number: true,
        status: true,
        currency: true,
        subtotalCents: true,
        discountCents: true,
        totalCents: true,
        couponCode: true,
        provider: true,
        paymentMethod: true,
        buyerName: true,
        buyerEmail: true,
        createdAt: true,
        paidAt: true,
        refundedAt: true,
        course: { select: { slug: true, title: true } },
      },
    }),
    db.purchase.findMany({
      where: { userId },
      select: { status: true, createdAt: true, refundedAt: true, course: { select: { slug: true, title: true } } },
    }),
    db.segmentProgress.findMany({
      where: { userId },
      select: {
        positionSeconds: true,
        watchedSeconds: true,
        watchedRanges: true,
        completedAt: true,
        updatedAt: true,
        segment: { select: { slug: true, title: true, course: { select: { slug: true } } } },
      },
    }),
    db.note.findMany({
      where: { userId },
      orderBy: [{ courseId: "asc" }, { atSeconds: "asc" }],
      select: { atSeconds: true, text: true, createdAt: true, updatedAt: true, segment: { select: { slug: true, course: { select: { slug: true } } } } },
    }),
    db.certificate.findMany({
      where: { userId },
      select: { verificationId: true, token: true, courseTitle: true, learnerName: true, issuedAt: true },
    }),
    db.userPreference.findUnique({ where: { userId } }),
    db.session.findMany({ where: { userId }, select: { createdAt: true, expiresAt: true, ipAddress: true, userAgent: true } }),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: user,
    sessions,
    orders: orders.map(({ course, ...o }) => ({ ...o, course: course.slug, courseTitle: course.title })),
    purchases: purchases.map(({ course, ...p }) => ({ ...p, course: course.slug, courseTitle: course.title })),
    progress: progress.map(({ segment, watchedRanges, ...p }) => ({
      ...p,
      course: segment.course.slug,
      segment: segment.slug,
      segmentTitle: segment.title,
      watchedRanges: JSON.parse(watchedRanges) as unknown,
    })),
    notes: notes.map(({ segment, ...n }) => ({ ...n, course: segment.course.slug, segment: segment.slug })),
    certificates: certificates.map(({ token, ...c }) => ({ ...c, path: `/certificates/${token}` })),
    playerSettings: preference ? (({ userId: _u, ...rest }) => rest)(preference) : null,
  };
}
