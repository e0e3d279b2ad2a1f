import "server-only";
import type Stripe from "stripe";
import { db } from "../db.server";
import { env } from "../env.server";
import type { TFulfilDeps } from "./fulfil-order";
import { createStripeClient, stripeApiOptions } from "./payments/create-stripe-client";
import { createLocalProvider } from "./payments/local-provider";
import type { TPaymentProvider } from "./payments/payment-provider";
import { createStripeProvider } from "./payments/stripe-provider";

let stripeClient: Stripe | undefined;

/** The Stripe SDK client, created on first use (env.ts guarantees the key when PAYMENT_PROVIDER=stripe). */
export function stripe(): Stripe {
  if (!env.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  stripeClient ??= createStripeClient(env.STRIPE_SECRET_KEY, stripeApiOptions(env.STRIPE_API_URL));
  return stripeClient;
}

/** The payment provider chosen by PAYMENT_PROVIDER. */
export function paymentProvider(): TPaymentProvider {
  return env.PAYMENT_PROVIDER === "stripe" ? createStripeProvider({ stripe: stripe(), env }) : createLocalProvider();
}

/** What the commerce functions need in the running app. */
export const commerceDeps: TFulfilDeps = { db, env, now: () => new Date() };
