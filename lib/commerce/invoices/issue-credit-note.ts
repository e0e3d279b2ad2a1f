import type { Prisma } from "../../generated/sqlite/client";
import { allocateNumber } from "./allocate-number";
import { creditNoteSeries } from "./invoice-number";

/**
 * The credit note of a refunded order, inside the refund's transaction: the next number of
 * the invoice series' credit notes ("<prefix>CN-"). An order paid before invoices existed
 * (no invoice number) gets none; a second call changes nothing.
 */
export async function issueCreditNote(tx: Prisma.TransactionClient, input: { orderId: string; now: Date }): Promise<boolean> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: input.orderId },
    select: { invoiceSeries: true, invoiceSeq: true, creditNoteSeq: true },
  });
  if (order.invoiceSeries === null || order.invoiceSeq === null || order.creditNoteSeq !== null) return false;
  const seq = await allocateNumber(tx, creditNoteSeries(order.invoiceSeries));
  await tx.order.update({
    where: { id: input.orderId },
    data: { creditNoteSeq: seq, creditNoteIssuedAt: input.now },
    select: { id: true },
  });
  return true;
}
