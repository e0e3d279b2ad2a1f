import { commerceDeps, stripe } from "@/lib/commerce/commerce-deps.server";
import { createStripeClient } from "@/lib/commerce/payments/create-stripe-client";
import { handleStripeWebhook } from "@/lib/commerce/payments/handle-stripe-webhook";
import { env } from "@/lib/env.server";
import { handleRoute } from "@/lib/http/error-response";
import { withLimitedBody } from "@/lib/http/with-limited-body";

export const dynamic = "force-dynamic";

// Stripe events we handle (checkout sessions, charges) are a few KiB; even an event carrying a
// long invoice stays far below 1 MiB. Anything larger is not Stripe (issue 8).
const STRIPE_EVENT_BODY_LIMIT = 1024 * 1024;

// Verification needs only the webhook secret; the API key is for looking up card details.
export const POST = handleRoute(async (request: Request) =>
  handleStripeWebhook(
    { ...commerceDeps, env, stripe: env.STRIPE_SECRET_KEY ? stripe() : createStripeClient("sk_not_configured") },
    await withLimitedBody(request, { maxBytes: STRIPE_EVENT_BODY_LIMIT }),
  ),
);
