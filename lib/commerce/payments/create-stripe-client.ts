import Stripe from "stripe";

export type TStripeClientOptions = {
  /** For tests: a local HTTP server that answers like Stripe. */
  host?: string;
  port?: number;
  protocol?: "http" | "https";
};

/** The official SDK client, with Lectern's settings (retries, timeout, app info). */
export function createStripeClient(secretKey: string, options: TStripeClientOptions = {}): Stripe {
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    appInfo: { name: "Lectern" },
    ...options,
  });
}

/** STRIPE_API_URL (stripe-mock, a test's fake Stripe) as the SDK's host options; none for the real API. */
export function stripeApiOptions(apiUrl: string | undefined): TStripeClientOptions {
  if (!apiUrl) return {};
  const url = new URL(apiUrl);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443, protocol };
}
