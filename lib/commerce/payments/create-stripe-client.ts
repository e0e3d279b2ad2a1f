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
