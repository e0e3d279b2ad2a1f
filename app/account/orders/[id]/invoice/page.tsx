import type { Metadata } from "next";
import Link from "next/link";
import { PrintButton } from "@/components/print-button";
import { InvoiceDocument } from "../invoice-document";
import { hasInvoice, loadInvoicePage } from "../load-invoice-page";
import "../../../../commerce.css";
import "../../../../invoice.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invoice", robots: { index: false } };

type TProps = { params: Promise<{ id: string }> };

/** The printable invoice of a paid (or refunded) order: one A4 or Letter page. */
export default async function InvoicePage({ params }: TProps) {
  const receipt = await loadInvoicePage(params, "invoice");
  const back = `/account/orders/${receipt.orderId}/receipt`;
  if (!hasInvoice(receipt)) {
    return (
      <div className="page page--narrow">
        <h1>No invoice</h1>
        <p role="status" data-testid="no-invoice">
          {receipt.status === "paid" || receipt.status === "refunded"
            ? "This order was paid before Lectern issued numbered invoices; its receipt is its proof of payment."
            : "This order was not paid, so it has no invoice."}
        </p>
        <Link href={back}>← Back to the order</Link>
      </div>
    );
  }
  return (
    <div className="page invoice-page">
      <nav className="invoice-actions no-print" aria-label="Invoice actions">
        <Link href={back}>← Order and billing details</Link>
        <PrintButton />
        {receipt.invoice.creditNote ? (
          <Link href={`/account/orders/${receipt.orderId}/credit-note`}>Credit note {receipt.invoice.creditNote.number}</Link>
        ) : null}
      </nav>
      <InvoiceDocument receipt={receipt} kind="invoice" />
    </div>
  );
}
