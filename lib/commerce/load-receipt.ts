import type { Db } from "../db";
import { formatCreditNoteNumber, formatInvoiceNumber } from "./invoices/invoice-number";

export type TInvoiceParty = { name: string; address: string | null; taxId: string | null };

export type TInvoice = {
  number: string;
  /** The revision shown (the latest) and when it was issued; revision 1 is the first issue. */
  revision: number;
  issuedAt: Date;
  firstIssuedAt: Date;
  /** Earlier revisions, newest first (what this one replaces). */
  replaces: { revision: number; issuedAt: Date }[];
  seller: TInvoiceParty;
  buyer: TInvoiceParty & { email: string; company: string | null };
  taxLabel: string;
  taxRateBps: number;
  taxCents: number;
  netCents: number;
  creditNote: { number: string; issuedAt: Date } | null;
};

export type TReceipt = {
  orderId: string;
  number: string;
  userId: string;
  status: string;
  createdAt: Date;
  paidAt: Date | null;
  refundedAt: Date | null;
  currency: string;
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  couponCode: string | null;
  paymentMethod: string | null;
  provider: string;
  buyerName: string;
  buyerEmail: string;
  course: { slug: string; title: string };
  /** A team order (issue 11): the organisation it was bought for and how many seats; id once paid. */
  team: { id: string | null; name: string; seats: number } | null;
  /** The billing details as they are now (before payment: what the invoice will show). */
  billing: { company: string | null; address: string | null; vatId: string | null };
  /** Paid (or refunded) orders issued since invoices exist; null otherwise. */
  invoice: TInvoice | null;
};

/**
 * The facts a receipt and an invoice show, for the order's owner or an admin; null for anyone
 * else (the page answers 404, so an order id reveals nothing).
 */
export async function loadReceipt(
  // A transaction client too: fulfilOrder renders the receipt inside the payment's transaction.
  db: Pick<Db, "order">,
  orderId: string,
  viewer: { userId: string; role: "learner" | "admin" } | "system",
): Promise<TReceipt | null> {
  const order = await db.order.findUnique({
    where: { id: orderId },
    select: {
      id: true,
      number: true,
      userId: true,
      status: true,
      createdAt: true,
      paidAt: true,
      refundedAt: true,
      currency: true,
      subtotalCents: true,
      discountCents: true,
      totalCents: true,
      couponCode: true,
      paymentMethod: true,
      provider: true,
      buyerName: true,
      buyerEmail: true,
      course: { select: { slug: true, title: true } },
      forTeam: true,
      seats: true,
      teamName: true,
      team: { select: { id: true, name: true } },
      billingCompany: true,
      billingAddress: true,
      billingVatId: true,
      invoiceSeries: true,
      invoiceSeq: true,
      taxRateBps: true,
      taxCents: true,
      creditNoteSeq: true,
      creditNoteIssuedAt: true,
      invoiceRevisions: {
        orderBy: { revision: "desc" },
        select: {
          revision: true,
          issuedAt: true,
          buyerName: true,
          buyerEmail: true,
          company: true,
          address: true,
          vatId: true,
          sellerName: true,
          sellerAddress: true,
          sellerTaxId: true,
          taxLabel: true,
        },
      },
    },
  });
  if (!order) return null;
  if (viewer !== "system" && viewer.role !== "admin" && viewer.userId !== order.userId) return null;
  const {
    id,
    forTeam,
    seats,
    teamName,
    team,
    billingCompany,
    billingAddress,
    billingVatId,
    invoiceSeries,
    invoiceSeq,
    taxRateBps,
    taxCents,
    creditNoteSeq,
    creditNoteIssuedAt,
    invoiceRevisions,
    ...rest
  } = order;
  const latest = invoiceRevisions[0];
  const first = invoiceRevisions[invoiceRevisions.length - 1];
  const invoice: TInvoice | null =
    invoiceSeries !== null && invoiceSeq !== null && latest && first
      ? {
          number: formatInvoiceNumber(invoiceSeries, invoiceSeq),
          revision: latest.revision,
          issuedAt: latest.issuedAt,
          firstIssuedAt: first.issuedAt,
          replaces: invoiceRevisions.slice(1).map((r) => ({ revision: r.revision, issuedAt: r.issuedAt })),
          seller: { name: latest.sellerName, address: latest.sellerAddress || null, taxId: latest.sellerTaxId || null },
          buyer: {
            name: latest.buyerName,
            email: latest.buyerEmail,
            company: latest.company,
            address: latest.address,
            taxId: latest.vatId,
          },
          taxLabel: latest.taxLabel,
          taxRateBps: taxRateBps ?? 0,
          taxCents: taxCents ?? 0,
          netCents: order.totalCents - (taxCents ?? 0),
          creditNote:
            creditNoteSeq !== null && creditNoteIssuedAt !== null
              ? { number: formatCreditNoteNumber(invoiceSeries, creditNoteSeq), issuedAt: creditNoteIssuedAt }
              : null,
        }
      : null;
  return {
    orderId: id,
    ...rest,
    team: forTeam ? { id: team?.id ?? null, name: team?.name ?? teamName ?? "", seats } : null,
    billing: { company: billingCompany, address: billingAddress, vatId: billingVatId },
    invoice,
  };
}
