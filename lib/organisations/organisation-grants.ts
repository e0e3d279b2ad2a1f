import type { Db } from "../db";
import { emailDomainOf } from "./email-domain";

/**
 * Which of these courses a current organisation licence covers for this user — read by
 * loadCourseEntitlement(s) only (lib/access), never decided anywhere else. A user is a member
 * of an organisation (issue 11; docs/decisions/015) when their address's domain is EXACTLY one
 * of the organisation's domains AND either
 * - the address is verified (they followed a link mailed to it), or
 * - they signed in through the organisation's own identity provider (an SSO account whose
 *   provider belongs to the organisation): that provider vouched for the address.
 * Both are read at every request: a licence that ended, a domain or a provider removed stops
 * new media tokens and download links at once.
 */
export async function loadLicensedCourseIds(
  db: Db,
  userId: string,
  courseIds: readonly string[],
  now: Date = new Date(),
): Promise<Set<string>> {
  if (courseIds.length === 0) return new Set();
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, emailVerified: true, accounts: { select: { providerId: true } } },
  });
  const domain = user ? emailDomainOf(user.email) : null;
  if (!user || !domain) return new Set();
  const providerIds = user.accounts.map((a) => a.providerId);
  const licences = await db.organisationLicence.findMany({
    where: {
      courseId: { in: [...courseIds] },
      endsAt: { gt: now },
      organisation: {
        domains: { some: { domain } },
        ...(user.emailVerified ? {} : { ssoProviders: { some: { providerId: { in: providerIds } } } }),
      },
    },
    select: { courseId: true },
  });
  return new Set(licences.map((l) => l.courseId));
}
