import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PrintButton } from "@/components/print-button";
import { InvoiceDocument } from "../invoice-document";
import { hasInvoice, loadInvoicePage } from "../load-invoice-page";
import "../../../../commerce.css";
import "../../../../invoice.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Credit note", robots: { index: false } };

type TProps = { params: Promise<{ id: string }> };

/** The credit note of a refunded, invoiced order (its own number); 404 when there is none. */
export default async function CreditNotePage({ params }: TProps) {
  const receipt = await loadInvoicePage(params, "credit-note");
  if (!hasInvoice(receipt) || !receipt.invoice.creditNote) notFound();
  return (
    <div className="page invoice-page">
      <nav className="invoice-actions no-print" aria-label="Credit note actions">
        <Link href={`/account/orders/${receipt.orderId}/invoice`}>← Invoice {receipt.invoice.number}</Link>
        <PrintButton />
      </nav>
      <InvoiceDocument receipt={receipt} kind="credit-note" />
    </div>
  );
}
