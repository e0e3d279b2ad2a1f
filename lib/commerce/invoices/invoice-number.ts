/**
 * Invoice and credit note numbers (docs/decisions/017-invoices.md). A series is the seller's
 * INVOICE_PREFIX; its credit notes are a second gapless sequence, "<prefix>CN-". The stored
 * facts are the series and the sequence number; the text is always derived here.
 */
const DIGITS = 6;

export function formatInvoiceNumber(series: string, seq: number): string {
  return `${series}${String(seq).padStart(DIGITS, "0")}`;
}

/** The counter key (InvoiceCounter.series) of a series' credit notes. */
export function creditNoteSeries(invoiceSeries: string): string {
  return `${invoiceSeries}CN-`;
}

export function formatCreditNoteNumber(invoiceSeries: string, seq: number): string {
  return formatInvoiceNumber(creditNoteSeries(invoiceSeries), seq);
}
