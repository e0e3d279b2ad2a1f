import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
import { explainOrderStatus } from "@/lib/commerce/explain-order-status";
import { formatMoney, formatReceiptDate } from "@/lib/commerce/format-money";
import { formatTaxRate } from "@/lib/commerce/invoices/compute-tax";
import { loadReceipt } from "@/lib/commerce/load-receipt";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { BillingForm } from "./billing-form";
import { PrintButton } from "@/components/print-button";
import "../../../../commerce.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Receipt", robots: { index: false } };

const ZParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

type TProps = { params: Promise<{ id: string }>; searchParams: Promise<{ welcome?: string | string[] }> };

/**
 * The order: a printable receipt, the invoice's number and link, and the billing details form
 * (saving after payment re-issues the invoice), for the order's owner or an admin; 404 for
 * everyone else.
 */
export default async function ReceiptPage({ params, searchParams }: TProps) {
  const parsed = ZParams.safeParse(await params);
  if (!parsed.success) notFound();
  const user = await requireUser(`/account/orders/${parsed.data.id}/receipt`);
  const receipt = await loadReceipt(db, parsed.data.id, { userId: user.id, role: user.role });
  if (!receipt) notFound();
  const welcome = (await searchParams).welcome === "1";
  const money = (cents: number) => formatMoney(cents, receipt.currency);
  const settled = receipt.status === "paid" || receipt.status === "refunded";
  const date = receipt.paidAt ?? receipt.createdAt;
  // A voided second payment (the buyer already owned the course) or an expired order: said
  // plainly at the top instead of anything that looks like a second receipt (issue 8).
  const explanation = receipt.status === "void" || receipt.status === "expired" ? explainOrderStatus(receipt, new Date()) : null;
  const invoice = receipt.invoice;
  // The seller as invoiced (fixed at issue), or as configured for an order not invoiced yet.
  const seller = invoice?.seller ?? { name: env.SELLER_NAME, address: env.SELLER_ADDRESS || null, taxId: env.SELLER_TAX_ID || null };
  const taxLabel = invoice?.taxLabel ?? env.TAX_LABEL;
  const billable = receipt.status === "pending" || invoice !== null;

  return (
    <div className="page page--narrow receipt-page">
      {welcome && receipt.status === "paid" && receipt.team?.id ? (
        <div className="receipt-welcome no-print" role="status">
          <p>
            <strong>Thank you — {receipt.team.seats} seats are {receipt.team.name}&apos;s.</strong> A copy of this receipt is on its way to{" "}
            {receipt.buyerEmail}.
          </p>
          <Link className="button button--primary" href={`/teams/${receipt.team.id}`} data-testid="receipt-team-link">
            Invite your team
          </Link>
        </div>
      ) : welcome && receipt.status === "paid" ? (
        <div className="receipt-welcome no-print" role="status">
          <p>
            <strong>Thank you — the course is yours.</strong> A copy of this receipt is on its way to {receipt.buyerEmail}.
          </p>
          <Link className="button button--primary" href={`/courses/${receipt.course.slug}`}>
            Start watching
          </Link>
        </div>
      ) : null}
      {explanation ? (
        <div className="receipt-welcome no-print" role="status" data-testid="receipt-explanation">
          <p>
            <strong>{explanation}</strong>
          </p>
          <Link className="button button--primary" href={`/courses/${receipt.course.slug}`}>
            Go to the course
          </Link>
        </div>
      ) : null}
      {welcome && receipt.status === "pending" ? (
        <p className="receipt-welcome no-print" role="status">
          We are waiting for the payment service to confirm your payment. This page updates when it does — reload in a
          moment.
        </p>
      ) : null}

      <article className="receipt" aria-labelledby="receipt-title">
        <header className="receipt__head">
          <div>
            <h1 id="receipt-title">{settled ? "Receipt" : "Order"}</h1>
            <p className="receipt__number mono" data-testid="receipt-number">
              {receipt.number}
            </p>
          </div>
          <p className={`receipt__status status--${receipt.status}`} data-testid="receipt-status">
            {receipt.status.toUpperCase()}
          </p>
        </header>

        <div className="receipt__parties">
          <section aria-label="Seller">
            <h2>Seller</h2>
            <p>
              {seller.name}
              {seller.address ? (
                <>
                  <br />
                  {seller.address}
                </>
              ) : null}
              {seller.taxId ? (
                <>
                  <br />
                  {taxLabel} ID: {seller.taxId}
                </>
              ) : null}
            </p>
          </section>
          <section aria-label="Billed to">
            <h2>Billed to</h2>
            <p data-testid="receipt-buyer">
              {receipt.team ? (
                <>
                  <strong data-testid="receipt-organisation">{receipt.team.name}</strong>
                  <br />
                </>
              ) : null}
              {receipt.billing.company ? (
                <>
                  {receipt.billing.company}
                  <br />
                </>
              ) : null}
              {receipt.buyerName}
              <br />
              {receipt.billing.address ? (
                <>
                  <span className="receipt__address">{receipt.billing.address}</span>
                  <br />
                </>
              ) : null}
              {receipt.buyerEmail}
              {receipt.billing.vatId ? (
                <>
                  <br />
                  VAT ID: {receipt.billing.vatId}
                </>
              ) : null}
            </p>
          </section>
          <section aria-label="Details">
            <h2>Details</h2>
            <p>
              Date: {formatReceiptDate(date)}
              <br />
              {invoice ? (
                <>
                  Invoice: <span className="mono">{invoice.number}</span>
                  <br />
                </>
              ) : null}
              Payment method: {receipt.paymentMethod ?? "—"}
              {receipt.refundedAt ? (
                <>
                  <br />
                  Refunded: {formatReceiptDate(receipt.refundedAt)}
                </>
              ) : null}
            </p>
          </section>
        </div>

        <table className="receipt__lines">
          <thead>
            <tr>
              <th scope="col">Item</th>
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
                <span className="receipt__item-note">
                  {receipt.team ? `Team seats for ${receipt.team.name}, lifetime access` : "Online video course, lifetime access"}
                </span>
              </td>
              <td className="num" data-testid="receipt-quantity">{receipt.team?.seats ?? 1}</td>
              <td className="num">{money(receipt.subtotalCents)}</td>
            </tr>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                Subtotal
              </th>
              <td className="num">{money(receipt.subtotalCents)}</td>
            </tr>
            {receipt.discountCents > 0 ? (
              <tr>
                <th scope="row" colSpan={2}>
                  Discount{receipt.couponCode ? ` (coupon ${receipt.couponCode})` : ""}
                </th>
                <td className="num" data-testid="receipt-discount">
                  −{money(receipt.discountCents)}
                </td>
              </tr>
            ) : null}
            {invoice ? (
              <tr>
                <th scope="row" colSpan={2}>
                  {taxLabel} {formatTaxRate(invoice.taxRateBps)} (included)
                </th>
                <td className="num" data-testid="receipt-tax">
                  {money(invoice.taxCents)}
                </td>
              </tr>
            ) : null}
            <tr className="receipt__total">
              <th scope="row" colSpan={2}>
                Total {settled ? "paid" : "due"}
              </th>
              <td className="num" data-testid="receipt-total">
                {money(receipt.totalCents)} {receipt.currency}
              </td>
            </tr>
          </tfoot>
        </table>

        <p className="receipt__statement">
          {receipt.status === "paid"
            ? `This receipt confirms payment of ${money(receipt.totalCents)} ${receipt.currency} by ${receipt.buyerName} on ${formatReceiptDate(date)} for the item above. Keep it for your expense report or records.`
            : receipt.status === "refunded"
              ? `This receipt confirms payment of ${money(receipt.totalCents)} ${receipt.currency} on ${formatReceiptDate(date)}, which was refunded in full${receipt.refundedAt ? ` on ${formatReceiptDate(receipt.refundedAt)}` : ""}.`
              : receipt.status === "pending"
                ? "Payment for this order has not been confirmed yet; this is not a receipt."
                : receipt.status === "void"
                  ? `This order was not fulfilled because the buyer already owned the course; ${receipt.provider === "local" ? "nothing was charged" : receipt.refundedAt ? `the payment was refunded in full on ${formatReceiptDate(receipt.refundedAt)}` : "the payment is being refunded in full"}. This is not a receipt.`
                  : "This order was not paid; this is not a receipt."}
        </p>
      </article>

      {invoice || billable ? (
        <section className="receipt-invoice no-print" aria-labelledby="invoice-heading">
          <h2 id="invoice-heading">Invoice</h2>
          {invoice ? (
            <p data-testid="receipt-invoice">
              Invoice <strong className="mono">{invoice.number}</strong>
              {invoice.revision > 1 ? `, revision ${invoice.revision} of ${formatReceiptDate(invoice.issuedAt)}` : ""}.{" "}
              <Link href={`/account/orders/${receipt.orderId}/invoice`} data-testid="invoice-link">
                View and print the invoice
              </Link>
              {invoice.creditNote ? (
                <>
                  {" · "}
                  <Link href={`/account/orders/${receipt.orderId}/credit-note`} data-testid="credit-note-link">
                    Credit note {invoice.creditNote.number}
                  </Link>
                </>
              ) : null}
            </p>
          ) : (
            <p>The invoice is issued, with its number, as soon as the payment is confirmed.</p>
          )}
          {billable ? (
            <>
              <h3>Billing details on the invoice</h3>
              <p className="hint">
                {invoice
                  ? "Add or correct your company, address or VAT ID: the invoice is re-issued with the same number and today's date."
                  : "Add your company, address or VAT ID: the invoice will show them."}
              </p>
              <BillingForm
                orderId={receipt.orderId}
                invoiced={invoice !== null}
                values={{
                  billingCompany: receipt.billing.company,
                  billingAddress: receipt.billing.address,
                  billingVatId: receipt.billing.vatId,
                }}
              />
            </>
          ) : null}
        </section>
      ) : null}

      <div className="receipt-actions no-print">
        <PrintButton />
        <Link className="button" href="/account">
          Your account
        </Link>
      </div>
    </div>
  );
}
