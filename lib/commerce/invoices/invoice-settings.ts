import type { TEnv } from "../../env";
import { percentToBps } from "./compute-tax";

/** The environment an invoice is issued from (lib/env.ts documents each variable). */
export type TInvoiceEnv = Pick<
  TEnv,
  "SELLER_NAME" | "SELLER_ADDRESS" | "SELLER_TAX_ID" | "INVOICE_PREFIX" | "TAX_RATE_PERCENT" | "TAX_LABEL"
>;

export type TInvoiceSettings = {
  series: string;
  seller: { name: string; address: string; taxId: string };
  taxRateBps: number;
  taxLabel: string;
};

export function invoiceSettings(env: TInvoiceEnv): TInvoiceSettings {
  return {
    series: env.INVOICE_PREFIX,
    seller: { name: env.SELLER_NAME, address: env.SELLER_ADDRESS, taxId: env.SELLER_TAX_ID },
    taxRateBps: percentToBps(env.TAX_RATE_PERCENT),
    taxLabel: env.TAX_LABEL,
  };
}
