// Test factories for commerce: users, courses and coupons written straight to the database.
import crypto from "node:crypto";
import type { Db } from "../../db";
import type { TFulfilDeps } from "../fulfil-order";

export const testEnv: TFulfilDeps["env"] & { STRIPE_WEBHOOK_SECRET: string } = {
  SMTP_URL: undefined,
  MAIL_FROM: "Lectern <no-reply@lectern.local>",
  APP_URL: "http://localhost:3000",
  SELLER_NAME: "Lectern Courses GmbH",
  SELLER_ADDRESS: "Hauptstraße 1, 10115 Berlin, Germany",
  SELLER_TAX_ID: "DE123456789",
  INVOICE_PREFIX: "INV-",
  TAX_RATE_PERCENT: 0,
  TAX_LABEL: "VAT",
  STRIPE_WEBHOOK_SECRET: "whsec_lectern_test_secret",
};

const short = () => crypto.randomBytes(4).toString("hex");

export async function createUser(db: Db, overrides: { name?: string; email?: string; role?: string; emailVerified?: boolean } = {}) {
  const id = `usr_${short()}`;
  return db.user.create({
    data: { id, name: overrides.name ?? "Ada Lovelace", email: overrides.email ?? `${id}@example.com`, role: overrides.role ?? "learner", emailVerified: overrides.emailVerified ?? false },
    select: { id: true, name: true, email: true },
  });
}

export async function createCourse(db: Db, overrides: { slug?: string; priceCents?: number; title?: string } = {}) {
  const slug = overrides.slug ?? `course-${short()}`;
  return db.course.create({
    data: { id: `crs_${slug}`, slug, title: overrides.title ?? `Course ${slug}`, priceCents: overrides.priceCents ?? 5999 },
    select: { id: true, slug: true, title: true, priceCents: true, currency: true },
  });
}

export async function createCoupon(
  db: Db,
  data: {
    code: string;
    kind?: "percent" | "fixed";
    percentOff?: number;
    amountOffCents?: number;
    courseId?: string | null;
    expiresAt?: Date | null;
    maxRedemptions?: number | null;
    active?: boolean;
  },
) {
  return db.coupon.create({
    data: {
      code: data.code.toUpperCase(),
      kind: data.kind ?? (data.amountOffCents !== undefined ? "fixed" : "percent"),
      percentOff: data.percentOff ?? null,
      amountOffCents: data.amountOffCents ?? null,
      courseId: data.courseId ?? null,
      expiresAt: data.expiresAt ?? null,
      maxRedemptions: data.maxRedemptions ?? null,
      active: data.active ?? true,
    },
    select: { id: true, code: true },
  });
}

export async function couponRedemptions(db: Db, code: string): Promise<number> {
  const row = await db.coupon.findUniqueOrThrow({ where: { code }, select: { redemptions: true } });
  return row.redemptions;
}

export async function receiptMails(db: Db, to: string) {
  return db.outboxMessage.findMany({ where: { to }, select: { subject: true, text: true, html: true } });
}
