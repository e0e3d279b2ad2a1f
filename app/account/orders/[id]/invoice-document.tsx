import { formatMoney, formatReceiptDate } from "@/lib/commerce/format-money";
import { formatTaxRate } from "@/lib/commerce/invoices/compute-tax";
import type { TInvoice, TReceipt } from "@/lib/commerce/load-receipt";

type TProps = { receipt: TReceipt & { invoice: TInvoice }; kind: "invoice" | "credit-note" };

/**
 * The printable invoice, or the credit note that cancels it after a refund: the same parties
 * and lines, the credit note's amounts negative. Long names, e-mails and addresses wrap inside
 * their own column (overflow-wrap: anywhere) and never run into the next one.
 */
export function InvoiceDocument({ receipt, kind }: TProps) {
  const { invoice } = receipt;
  const credit = kind === "credit-note" ? invoice.creditNote : null;
  const sign = credit ? -1 : 1;
  const money = (cents: number) => formatMoney(sign * cents, receipt.currency).replace("-", "−");
  const paidAt = receipt.paidAt ?? receipt.createdAt;
  const title = credit ? "Credit note" : "Invoice";
  const number = credit ? credit.number : invoice.number;
  const taxLine = `${invoice.taxLabel} ${formatTaxRate(invoice.taxRateBps)}`;

  return (
    <article className="invoice" aria-labelledby="invoice-title" data-testid="invoice">
      <header className="invoice__head">
        <p className="invoice__brand">{invoice.seller.name}</p>
        <div className="invoice__title">
          <h1 id="invoice-title">{title}</h1>
          <p className="invoice__number mono" data-testid="invoice-number">
            {number}
          </p>
        </div>
      </header>

      <dl className="invoice__facts">
        <div>
          <dt>{credit ? "Credit note date" : "Invoice date"}</dt>
          <dd data-testid="invoice-date">{formatReceiptDate(credit ? credit.issuedAt : invoice.issuedAt)}</dd>
        </div>
        {credit ? (
          <div>
            <dt>Cancels invoice</dt>
            <dd className="mono">
              {invoice.number} of {formatReceiptDate(invoice.firstIssuedAt)}
            </dd>
          </div>
        ) : (
          <div>
            <dt>Date of supply</dt>
            <dd>{formatReceiptDate(paidAt)}</dd>
          </div>
        )}
        <div>
          <dt>Order</dt>
          <dd className="mono">{receipt.number}</dd>
        </div>
        {!credit && invoice.revision > 1 ? (
          <div>
            <dt>Revision</dt>
            <dd data-testid="invoice-revision">
              {invoice.revision}, re-issued {formatReceiptDate(invoice.issuedAt)}; replaces the issue of{" "}
              {formatReceiptDate(invoice.replaces[0]?.issuedAt ?? invoice.firstIssuedAt)}
            </dd>
          </div>
        ) : null}
      </dl>

      <div className="invoice__parties">
        <section aria-labelledby="invoice-seller">
          <h2 id="invoice-seller">From</h2>
          <p data-testid="invoice-seller">
            <strong>{invoice.seller.name}</strong>
            {invoice.seller.address ? <span className="invoice__address">{invoice.seller.address}</span> : null}
            {invoice.seller.taxId ? (
              <span>
                {invoice.taxLabel} ID: {invoice.seller.taxId}
              </span>
            ) : null}
          </p>
        </section>
        <section aria-labelledby="invoice-buyer">
          <h2 id="invoice-buyer">Billed to</h2>
          <p data-testid="invoice-buyer">
            {invoice.buyer.company ? <strong data-testid="invoice-buyer-company">{invoice.buyer.company}</strong> : null}
            {invoice.buyer.company ? <span>{invoice.buyer.name}</span> : <strong>{invoice.buyer.name}</strong>}
            {invoice.buyer.address ? (
              <span className="invoice__address" data-testid="invoice-buyer-address">
                {invoice.buyer.address}
              </span>
            ) : null}
            <span data-testid="invoice-buyer-email">{invoice.buyer.email}</span>
            {receipt.team ? <span>Team: {receipt.team.name}</span> : null}
            {invoice.buyer.taxId ? <span data-testid="invoice-buyer-vat">VAT ID: {invoice.buyer.taxId}</span> : null}
          </p>
        </section>
      </div>

      <table className="invoice__lines" aria-label={`${title} lines`}>
        <thead>
          <tr>
            <th scope="col">Description</th>
            <th scope="col" className="num">
              Qty
            </th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>
              {receipt.course.title}
              <span className="invoice__note">
                {receipt.team
                  ? `Online video course: ${receipt.team.seats} team seats for ${receipt.team.name}, lifetime access`
                  : "Online video course, lifetime access"}
              </span>
            </td>
            <td className="num" data-testid="invoice-quantity">
              {receipt.team?.seats ?? 1}
            </td>
            <td className="num">{money(receipt.subtotalCents)}</td>
          </tr>
          {receipt.discountCents > 0 ? (
            <tr>
              <td>Discount{receipt.couponCode ? ` (coupon ${receipt.couponCode})` : ""}</td>
              <td className="num" />
              <td className="num" data-testid="invoice-discount">
                {money(-receipt.discountCents)}
              </td>
            </tr>
          ) : null}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2}>
              Net amount
            </th>
            <td className="num" data-testid="invoice-net">
              {money(invoice.netCents)}
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              {taxLine}
            </th>
            <td className="num" data-testid="invoice-tax">
              {money(invoice.taxCents)}
            </td>
          </tr>
          <tr className="invoice__total">
            <th scope="row" colSpan={2}>
              {credit ? "Total credited" : "Total paid"}
            </th>
            <td className="num" data-testid="invoice-total">
              {money(receipt.totalCents)} {receipt.currency}
            </td>
          </tr>
        </tfoot>
      </table>

      <p className="invoice__statement" data-testid="invoice-statement">
        Prices include {invoice.taxLabel} ({taxLine}).{" "}
        {credit
          ? `The amount of invoice ${invoice.number} was refunded in full${receipt.refundedAt ? ` on ${formatReceiptDate(receipt.refundedAt)}` : ""}.`
          : `Paid in full on ${formatReceiptDate(paidAt)}. Payment method: ${receipt.paymentMethod ?? "—"}.`}
        {!credit && invoice.creditNote
          ? ` Refunded${receipt.refundedAt ? ` on ${formatReceiptDate(receipt.refundedAt)}` : ""}: see credit note ${invoice.creditNote.number}.`
          : ""}
      </p>
      <footer className="invoice__footer">
        {[invoice.seller.name, invoice.seller.address, invoice.seller.taxId ? `${invoice.taxLabel} ID ${invoice.seller.taxId}` : null]
          .filter(Boolean)
          .join(" · ")}
      </footer>
    </article>
  );
}
