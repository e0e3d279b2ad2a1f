import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/access/get-viewer.server";
import { loadReceipt, type TInvoice, type TReceipt } from "@/lib/commerce/load-receipt";
import { db } from "@/lib/db.server";

export const ZOrderParams = z.object({ id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/) });

/**
 * The invoice and credit note pages' one way in: a signed-in viewer (anyone else is sent to
 * sign in), the order's owner or an admin (anyone else: 404, so an order id reveals nothing).
 * `receipt.invoice` is null for an order that has none (never paid, or paid before invoices).
 */
export async function loadInvoicePage(params: Promise<unknown>, page: "invoice" | "credit-note"): Promise<TReceipt> {
  const parsed = ZOrderParams.safeParse(await params);
  if (!parsed.success) notFound();
  const user = await requireUser(`/account/orders/${parsed.data.id}/${page}`);
  const receipt = await loadReceipt(db, parsed.data.id, { userId: user.id, role: user.role });
  if (!receipt) notFound();
  return receipt;
}

export const hasInvoice = (receipt: TReceipt): receipt is TReceipt & { invoice: TInvoice } => receipt.invoice !== null;
