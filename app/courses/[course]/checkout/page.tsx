import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/access/get-viewer.server";
import { hasActivePurchase } from "@/lib/access/has-active-purchase";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { paymentProvider } from "@/lib/commerce/commerce-deps.server";
import { readTypedCoupon } from "@/lib/commerce/coupon-code";
import { formatMoney } from "@/lib/commerce/format-money";
import { CheckoutLines } from "@/components/commerce/checkout-lines";
import { computeIncludedTax, formatTaxRate, percentToBps } from "@/lib/commerce/invoices/compute-tax";
import { lastBillingDetails } from "@/lib/commerce/invoices/last-billing-details";
import { quotePrice, type TPriceQuote } from "@/lib/commerce/quote-price";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { AppError } from "@/lib/errors";
import { PayForm } from "./pay-form";
import "../../../commerce.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Checkout" };

type TProps = { params: Promise<{ course: string }>; searchParams: Promise<{ coupon?: string | string[] }> };

export default async function CheckoutPage({ params, searchParams }: TProps) {
  const parsed = ZCourseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const slug = parsed.data.course;
  const rawCoupon = [(await searchParams).coupon].flat()[0]?.trim() ?? "";
  const user = await requireUser(`/courses/${slug}/checkout${rawCoupon ? `?coupon=${encodeURIComponent(rawCoupon)}` : ""}`);
  const now = new Date();

  // The coupon is validated like any input; an unusable one is explained, and the price is quoted without it.
  const typed = readTypedCoupon(rawCoupon);
  const couponCode = typed.code;
  let couponError = typed.error;

  let quote: TPriceQuote;
  try {
    quote = await quotePrice(db, { courseSlug: slug, couponCode, now });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "NOT_FOUND") notFound();
    if (error.details?.field !== "coupon") return <CheckoutMessage slug={slug} message={error.message} />;
    couponError = error.message;
    quote = await quotePrice(db, { courseSlug: slug, now }).catch(() => notFound());
  }
  const [owned, billing] = await Promise.all([hasActivePurchase(db, user.id, quote.course.id), lastBillingDetails(db, user.id)]);
  const money = (cents: number) => formatMoney(cents, quote.currency);
  const taxRateBps = percentToBps(env.TAX_RATE_PERCENT);
  const { taxCents } = computeIncludedTax(quote.totalCents, taxRateBps);

  return (
    <div className="page page--narrow checkout-page">
      <p className="eyebrow">Checkout</p>
      <h1>{quote.course.title}</h1>
      <p className="checkout-page__lead">
        Lifetime access to every part and segment, streaming and downloads. Signed in as {user.email}.
      </p>
      {owned ? (
        <div className="checkout-card">
          <p className="checkout-owned" role="status">
            You already own this course.
          </p>
          <Link className="button button--primary" href={`/courses/${quote.course.slug}`}>
            Go to the course
          </Link>
        </div>
      ) : (
        <div className="checkout-card">
          <CheckoutLines quote={quote} subtotalLabel={"Price"} />
          <p className="checkout-tax" data-testid="checkout-tax">
            Prices include {env.TAX_LABEL} ({formatTaxRate(taxRateBps)}: {money(taxCents)}).
          </p>

          <form method="get" action={`/courses/${quote.course.slug}/checkout`} className="coupon-form">
            <label htmlFor="coupon">Coupon code</label>
            <div className="coupon-form__row">
              <input
                id="coupon"
                name="coupon"
                className="field-input"
                defaultValue={rawCoupon}
                autoComplete="off"
                maxLength={40}
                aria-invalid={couponError ? true : undefined}
                aria-describedby={couponError ? "coupon-error" : quote.coupon ? "coupon-applied" : undefined}
              />
              <button type="submit" className="button">
                Apply
              </button>
            </div>
            {couponError ? (
              <p id="coupon-error" className="form-error" role="alert" data-testid="coupon-error">
                {couponError}
              </p>
            ) : quote.coupon ? (
              <p id="coupon-applied" className="coupon-form__applied" role="status">
                Coupon {quote.coupon.code} applied{quote.coupon.description ? `: ${quote.coupon.description}` : ""}.
              </p>
            ) : null}
          </form>

          <PayForm course={quote.course.slug} coupon={quote.coupon?.code ?? null} label={paymentProvider().label} billing={billing} />
        </div>
      )}
      <p>
        <Link href={`/courses/${quote.course.slug}`}>← Back to the course</Link>
      </p>
    </div>
  );
}

function CheckoutMessage({ slug, message }: { slug: string; message: string }) {
  return (
    <div className="page page--narrow checkout-page">
      <h1>Checkout</h1>
      <p className="checkout-card" role="status">
        {message}
      </p>
      <Link href={`/courses/${slug}`}>← Back to the course</Link>
    </div>
  );
}
