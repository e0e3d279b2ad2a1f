import { z } from "zod";
import { zSlug } from "../catalog/slug";
import { AppError } from "../errors";
import { ZOptionalCouponCode } from "../commerce/coupon-code";
import { createOrder } from "../commerce/create-order";
import { beginPayment } from "../commerce/begin-payment";
import type { TFulfilDeps } from "../commerce/fulfil-order";
import type { TPaymentProvider } from "../commerce/payments/payment-provider";
import { requireTeamRole } from "./require-team-role";

export const MAX_SEATS_PER_ORDER = 500;

export const ZSeats = z.coerce
  .number({ message: "Enter a number of seats" })
  .int("Enter a whole number of seats")
  .min(1, "Buy at least one seat")
  .max(MAX_SEATS_PER_ORDER, `At most ${MAX_SEATS_PER_ORDER} seats per order`);

export const ZTeamName = z
  .string({ message: "Name your organisation or team" })
  .trim()
  .min(1, "Name your organisation or team")
  .max(120, "At most 120 characters")
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), "No control characters or line breaks");

/** The team checkout form: a new team (name) or more seats for one (team). */
export const ZTeamCheckoutRequest = z
  .object({
    course: zSlug("Unknown course"),
    seats: ZSeats,
    coupon: ZOptionalCouponCode.optional(),
    teamName: z.union([ZTeamName, z.null(), z.literal("")]).optional(),
    team: z.union([z.string().min(1).max(64), z.null(), z.literal("")]).optional(),
  })
  .refine((r) => Boolean(r.team) || Boolean(r.teamName), { message: "Name your organisation or team", path: ["teamName"] });
export type TTeamCheckoutRequest = Omit<z.input<typeof ZTeamCheckoutRequest>, "seats"> & { seats: number | string };

/**
 * "Pay" for team seats: the same order, provider and fulfilment as a personal purchase
 * (lib/commerce), priced price × seats with one coupon for the order; paying creates the team
 * with the buyer as owner, or adds the seats to the buyer's team (grant-team-seats.ts). Only
 * the team's owner adds seats, and only of the team's own course.
 */
export async function startTeamCheckout(
  deps: TFulfilDeps & { provider: TPaymentProvider },
  userId: string,
  input: TTeamCheckoutRequest,
): Promise<{ orderId: string; redirectUrl: string }> {
  const request = ZTeamCheckoutRequest.parse(input);
  let teamId: string | null = null;
  if (request.team) {
    const { team } = await requireTeamRole(deps.db, userId, request.team, "buy-seats");
    if (team.course.slug !== request.course) throw new AppError("BAD_REQUEST", "This team holds seats of another course.");
    teamId = team.id;
  }
  const order = await createOrder(deps, {
    userId,
    courseSlug: request.course,
    couponCode: request.coupon,
    provider: deps.provider.id,
    team: { seats: request.seats, teamName: teamId ? null : (request.teamName ?? null), teamId },
  });
  return beginPayment(deps, order, { alreadySettled: "This order could not be completed; please start again.", label: "team order" });
}
