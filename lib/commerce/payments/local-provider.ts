import type { TPaymentProvider } from "./payment-provider";

/**
 * The embedded default: a clearly labelled test payment page inside Lectern
 * (/checkout/local/<orderId>) where no money moves. For development, demos and e2e tests.
 */
export function createLocalProvider(): TPaymentProvider {
  return {
    id: "local",
    label: "Test payment (no money moves)",
    async beginCheckout(order) {
      return { redirectUrl: `/checkout/local/${encodeURIComponent(order.id)}` };
    },
  };
}
