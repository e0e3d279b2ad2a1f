import type { TMailMessage } from "../mail/send-mail";
import { formatMoney, formatReceiptDate } from "./format-money";
import { formatTaxRate } from "./invoices/compute-tax";
import type { TReceipt } from "./load-receipt";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** Multi-line text (an address) as HTML lines. */
const htmlLines = (s: string) => escapeHtml(s).replace(/\n/g, "<br>");

/**
 * The receipt e-mail sent on fulfilment, as text and HTML with the same facts as the invoice
 * page: invoice number, seller (address, tax ID), buyer (company, address, VAT ID), the lines,
 * the tax line (shown at 0 % too) and links to the order and the printable invoice.
 */
export function renderReceiptMail(receipt: TReceipt, site: { appUrl: string }): TMailMessage {
  const money = (cents: number) => formatMoney(cents, receipt.currency);
  const orderUrl = `${site.appUrl}/account/orders/${receipt.orderId}/receipt`;
  const invoiceUrl = `${site.appUrl}/account/orders/${receipt.orderId}/invoice`;
  const courseUrl = `${site.appUrl}/courses/${receipt.course.slug}`;
  const date = formatReceiptDate(receipt.paidAt ?? receipt.createdAt);
  const invoice = receipt.invoice;

  const facts: [string, string][] = [
    ...(invoice ? ([["Invoice number", invoice.number]] as [string, string][]) : []),
    ["Order number", receipt.number],
    ["Date", date],
    ["Payment method", receipt.paymentMethod ?? "—"],
    ["Status", receipt.status.toUpperCase()],
  ];
  const seller = invoice?.seller;
  const sellerLines = seller
    ? [seller.name, seller.address, seller.taxId ? `${invoice.taxLabel} ID: ${seller.taxId}` : null].filter((l): l is string => !!l)
    : [];
  const buyer = invoice?.buyer ?? {
    name: receipt.buyerName,
    email: receipt.buyerEmail,
    company: receipt.billing.company,
    address: receipt.billing.address,
    taxId: receipt.billing.vatId,
  };
  const buyerLines = [
    buyer.company,
    buyer.name,
    buyer.address,
    buyer.email,
    buyer.taxId ? `VAT ID: ${buyer.taxId}` : null,
  ].filter((l): l is string => !!l);

  const amounts: [string, string][] = [
    [
      receipt.team
        ? `${receipt.course.title} — ${receipt.team.seats} team seats for ${receipt.team.name} (online video course)`
        : `${receipt.course.title} (online video course, lifetime access)`,
      money(receipt.subtotalCents),
    ],
    ...(receipt.discountCents > 0
      ? ([[`Discount${receipt.couponCode ? ` (coupon ${receipt.couponCode})` : ""}`, `−${money(receipt.discountCents)}`]] as [string, string][])
      : []),
    ...(invoice
      ? ([
          ["Net", money(invoice.netCents)],
          [`${invoice.taxLabel} ${formatTaxRate(invoice.taxRateBps)} (included in the price)`, money(invoice.taxCents)],
        ] as [string, string][])
      : []),
    ["Total paid", `${money(receipt.totalCents)} ${receipt.currency}`],
  ];
  const intro = `This receipt confirms payment of ${money(receipt.totalCents)} ${receipt.currency} for ${receipt.course.title}. Thank you for your purchase!`;

  const text = [
    `Hi ${receipt.buyerName},`,
    "",
    intro,
    "",
    ...facts.map(([k, v]) => `${k}: ${v}`),
    "",
    ...amounts.map(([k, v]) => `${k}: ${v}`),
    ...(invoice ? ["Prices include " + invoice.taxLabel + "."] : []),
    "",
    "Seller:",
    ...sellerLines.flatMap((l) => l.split("\n")).map((l) => `  ${l}`),
    "Billed to:",
    ...buyerLines.flatMap((l) => l.split("\n")).map((l) => `  ${l}`),
    "",
    ...(invoice ? [`Printable invoice: ${invoiceUrl}`] : []),
    `Your order (add a company, address or VAT ID there; the invoice is re-issued): ${orderUrl}`,
    `Start watching: ${courseUrl}`,
    "",
    `— ${seller?.name ?? "Lectern"}`,
  ].join("\n");

  const cell = "padding:6px 8px;border-bottom:1px solid #e2e8f0;vertical-align:top";
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(
    `Receipt ${receipt.number}`,
  )}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#0f172a;background:#f8fafc">
<div style="max-width:640px;margin:0 auto;background:#ffffff;border:1px solid #e2e8f0;border-radius:8px;padding:20px;overflow-wrap:anywhere;word-break:break-word">
<p>Hi ${escapeHtml(receipt.buyerName)},</p>
<p>${escapeHtml(intro)}</p>
<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%">
${facts.map(([k, v]) => `<tr><th align="left" style="${cell};width:40%">${escapeHtml(k)}</th><td style="${cell}">${escapeHtml(v)}</td></tr>`).join("\n")}
</table>
<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin-top:16px">
<tr><td style="vertical-align:top;padding:0 8px 0 0;width:50%"><strong>Seller</strong><br>${sellerLines.map(htmlLines).join("<br>")}</td>
<td style="vertical-align:top;padding:0 0 0 8px;width:50%"><strong>Billed to</strong><br>${buyerLines.map(htmlLines).join("<br>")}</td></tr>
</table>
<table cellpadding="0" cellspacing="0" style="border-collapse:collapse;width:100%;margin-top:16px">
${amounts
  .map(
    ([k, v], i) =>
      `<tr><td style="${cell}${i === amounts.length - 1 ? ";font-weight:700" : ""}">${escapeHtml(k)}</td><td align="right" style="${cell};white-space:nowrap${i === amounts.length - 1 ? ";font-weight:700" : ""}">${escapeHtml(v)}</td></tr>`,
  )
  .join("\n")}
</table>
${invoice ? `<p style="font-size:14px;color:#475569">Prices include ${escapeHtml(invoice.taxLabel)}.</p>` : ""}
<p>${invoice ? `<a href="${escapeHtml(invoiceUrl)}">View and print the invoice</a> · ` : ""}<a href="${escapeHtml(orderUrl)}">Your order</a> · <a href="${escapeHtml(courseUrl)}">Start watching</a></p>
<p style="font-size:14px;color:#475569">Need a company name, address or VAT ID on the invoice? Add them on your order page: the invoice is re-issued with the same number.</p>
<p>— ${escapeHtml(seller?.name ?? "Lectern")}</p>
</div>
</body></html>`;
  const subject = invoice ? `Your Lectern receipt ${receipt.number} (invoice ${invoice.number})` : `Your Lectern receipt ${receipt.number}`;
  return { to: receipt.buyerEmail, subject, text, html };
}
