import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
import { ZCourseParams } from "@/lib/catalog/route-params";
import { paymentProvider } from "@/lib/commerce/commerce-deps.server";
import { readTypedCoupon } from "@/lib/commerce/coupon-code";
import { formatMoney } from "@/lib/commerce/format-money";
import { CheckoutLines } from "@/components/commerce/checkout-lines";
import { quotePrice, type TPriceQuote } from "@/lib/commerce/quote-price";
import { db } from "@/lib/db.server";
import { AppError } from "@/lib/errors";
import { findTeamMembership } from "@/lib/teams/require-team-role";
import { ZSeats } from "@/lib/teams/start-team-checkout";
import { teamRoleMay } from "@/lib/teams/team-roles";
import { TeamForm } from "@/components/teams/team-form";
import { payForTeamAction } from "./actions";
import "../../../../commerce.css";
import "../../../../teams/teams.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Buy for your team" };

type TSearch = { seats?: string | string[]; coupon?: string | string[]; team?: string | string[] };
const first = (v: string | string[] | undefined) => [v].flat()[0]?.trim() ?? "";

/**
 * Team checkout (issue 11): N seats at price × N, one coupon for the order, the organisation's
 * name on the receipt. With ?team=<id> the team's owner adds seats to it. The quote shown is
 * the server's; "Pay" computes it again (lib/teams/start-team-checkout.ts).
 */
export default async function TeamCheckoutPage({ params, searchParams }: { params: Promise<{ course: string }>; searchParams: Promise<TSearch> }) {
  const parsed = ZCourseParams.safeParse(await params);
  if (!parsed.success) notFound();
  const slug = parsed.data.course;
  const search = await searchParams;
  const rawCoupon = first(search.coupon);
  const teamParam = first(search.team);
  const seatsParsed = z.union([z.literal(""), ZSeats]).safeParse(first(search.seats));
  const seats = seatsParsed.success && seatsParsed.data !== "" ? seatsParsed.data : teamParam ? 1 : 3;
  const seatsError = seatsParsed.success ? null : (seatsParsed.error.issues[0]?.message ?? "Invalid number of seats");
  const query = new URLSearchParams({ seats: String(seats), ...(rawCoupon ? { coupon: rawCoupon } : {}), ...(teamParam ? { team: teamParam } : {}) });
  const user = await requireUser(`/courses/${slug}/checkout/team?${query}`);

  const membership = teamParam ? await findTeamMembership(db, user.id, teamParam) : null;
  if (teamParam && (!membership || !teamRoleMay(membership.membership.role, "buy-seats") || membership.team.course.slug !== slug)) notFound();

  const typed = readTypedCoupon(rawCoupon);
  const couponCode = typed.code;
  let couponError = typed.error;
  const now = new Date();
  let quote: TPriceQuote;
  try {
    quote = await quotePrice(db, { courseSlug: slug, couponCode, now, seats });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "NOT_FOUND") notFound();
    if (error.details?.field !== "coupon") {
      return (
        <div className="page page--narrow checkout-page">
          <h1>Buy for your team</h1>
          <p className="checkout-card" role="status">
            {error.message}
          </p>
          <Link href={`/courses/${slug}`}>← Back to the course</Link>
        </div>
      );
    }
    couponError = error.message;
    quote = await quotePrice(db, { courseSlug: slug, now, seats }).catch(() => notFound());
  }
  const money = (cents: number) => formatMoney(cents, quote.currency);
  const unit = quote.subtotalCents / seats;

  return (
    <div className="page page--narrow checkout-page">
      <p className="eyebrow">{membership ? `Add seats to ${membership.team.name}` : "Buy for your team"}</p>
      <h1>{quote.course.title}</h1>
      <p className="checkout-page__lead">
        One seat per person: you hold one yourself and invite the others by e-mail. Seats can be added later, and a seat
        whose holder leaves can be given to someone else. Signed in as {user.email}.
      </p>
      <div className="checkout-card">
        <form method="get" action={`/courses/${slug}/checkout/team`} className="coupon-form" aria-label="Seats and coupon">
          {teamParam ? <input type="hidden" name="team" value={teamParam} /> : null}
          <label htmlFor="seats">Seats</label>
          <div className="coupon-form__row">
            <input id="seats" name="seats" type="number" min={1} max={500} defaultValue={seats} className="field-input" aria-invalid={seatsError ? true : undefined} />
          </div>
          <label htmlFor="coupon">Coupon code</label>
          <div className="coupon-form__row">
            <input id="coupon" name="coupon" className="field-input" defaultValue={rawCoupon} autoComplete="off" maxLength={40} aria-invalid={couponError ? true : undefined} />
            <button type="submit" className="button">
              Update price
            </button>
          </div>
          {seatsError ? (
            <p className="form-error" role="alert">
              {seatsError}
            </p>
          ) : null}
          {couponError ? (
            <p className="form-error" role="alert" data-testid="coupon-error">
              {couponError}
            </p>
          ) : quote.coupon ? (
            <p className="coupon-form__applied" role="status">
              Coupon {quote.coupon.code} applied{quote.coupon.description ? `: ${quote.coupon.description}` : ""}.
            </p>
          ) : null}
        </form>
        <CheckoutLines quote={quote} subtotalLabel={`${seats} × ${money(unit)}`} />
        <TeamForm action={payForTeamAction} label="Pay for the seats" className="checkout-pay" testId="team-pay-form">
          <input type="hidden" name="course" value={slug} />
          <input type="hidden" name="seats" value={seats} />
          <input type="hidden" name="coupon" value={quote.coupon?.code ?? ""} />
          {membership ? (
            <input type="hidden" name="team" value={membership.team.id} />
          ) : (
            <div className="team-form__row">
              <label htmlFor="teamName">Organisation or team name (on the receipt)</label>
              <input id="teamName" name="teamName" className="field-input" required maxLength={120} autoComplete="organization" />
            </div>
          )}
          <button type="submit" className="button button--primary checkout-pay__button" data-testid="team-pay">
            Pay for {seats} {seats === 1 ? "seat" : "seats"}
          </button>
          <p className="checkout-pay__note">{paymentProvider().label}</p>
        </TeamForm>
      </div>
      <p>
        <Link href={membership ? `/teams/${membership.team.id}` : `/courses/${slug}`}>← Back</Link>
      </p>
    </div>
  );
}
