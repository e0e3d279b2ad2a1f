import type { ReactNode } from "react";
import { formatMoney } from "@/lib/commerce/format-money";
import type { TPriceQuote } from "@/lib/commerce/quote-price";

type TProps = {
  quote: Pick<TPriceQuote, "subtotalCents" | "discountCents" | "totalCents" | "currency" | "coupon">;
  /** What the subtotal is for: "Price", "5 × €49.00". */
  subtotalLabel: ReactNode;
};

/** A checkout's price lines (subtotal, discount with its coupon, total), as quoted by the server. */
export function CheckoutLines({ quote, subtotalLabel }: TProps) {
  const money = (cents: number) => formatMoney(cents, quote.currency);
  return (
    <dl className="checkout-lines">
      <div>
        <dt>{subtotalLabel}</dt>
        <dd data-testid="checkout-subtotal">{money(quote.subtotalCents)}</dd>
      </div>
      <div>
        <dt>Discount{quote.coupon ? ` (${quote.coupon.code})` : ""}</dt>
        <dd data-testid="checkout-discount">{quote.discountCents > 0 ? `−${money(quote.discountCents)}` : money(0)}</dd>
      </div>
      <div className="checkout-lines__total">
        <dt>Total</dt>
        <dd data-testid="checkout-total">
          {money(quote.totalCents)} <span className="checkout-currency">{quote.currency}</span>
        </dd>
      </div>
    </dl>
  );
}
