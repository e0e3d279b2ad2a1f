import { commerceDeps, stripe } from "@/lib/commerce/commerce-deps.server";
import { createStripeClient } from "@/lib/commerce/payments/create-stripe-client";
import { handleStripeWebhook } from "@/lib/commerce/payments/handle-stripe-webhook";
import { env } from "@/lib/env.server";
import { handleRoute } from "@/lib/http/error-response";

export const dynamic = "force-dynamic";

// Verification needs only the webhook secret; the API key is for looking up card details.
export const POST = handleRoute(async (request: Request) =>
  handleStripeWebhook(
    { ...commerceDeps, env, stripe: env.STRIPE_SECRET_KEY ? stripe() : createStripeClient("sk_not_configured") },
    request,
  ),
);
