import type { TMailMessage } from "../mail/send-mail";
import { formatMoney, formatReceiptDate } from "./format-money";
import type { TReceipt } from "./load-receipt";

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The receipt e-mail sent on fulfilment: the same facts as the receipt page, and a link to it. */
export function renderReceiptMail(
  receipt: TReceipt,
  seller: { name: string; address: string; appUrl: string },
): TMailMessage {
  const money = (cents: number) => formatMoney(cents, receipt.currency);
  const url = `${seller.appUrl}/account/orders/${receipt.orderId}/receipt`;
  const date = formatReceiptDate(receipt.paidAt ?? receipt.createdAt);
  const rows: [string, string][] = [
    ["Order number", receipt.number],
    ["Date", date],
    receipt.team
      ? ["Item", `${receipt.course.title} — ${receipt.team.seats} team seats (online video course)`]
      : ["Item", `${receipt.course.title} (online video course)`],
    ["Subtotal", money(receipt.subtotalCents)],
    ...(receipt.discountCents > 0
      ? ([[`Discount${receipt.couponCode ? ` (coupon ${receipt.couponCode})` : ""}`, `−${money(receipt.discountCents)}`]] as [string, string][])
      : []),
    ["Total", `${money(receipt.totalCents)} ${receipt.currency}`],
    ["Payment method", receipt.paymentMethod ?? "—"],
    ["Status", receipt.status.toUpperCase()],
    ["Billed to", `${receipt.team ? `${receipt.team.name}, ` : ""}${receipt.buyerName} <${receipt.buyerEmail}>`],
    ["Seller", [seller.name, seller.address].filter(Boolean).join(", ")],
  ];
  const intro = `This receipt confirms payment of ${money(receipt.totalCents)} ${receipt.currency} for ${receipt.course.title}. Thank you for your purchase!`;
  const text = [
    `Hi ${receipt.buyerName},`,
    "",
    intro,
    "",
    ...rows.map(([k, v]) => `${k}: ${v}`),
    "",
    `Printable receipt (for your expenses): ${url}`,
    `Start watching: ${seller.appUrl}/courses/${receipt.course.slug}`,
    "",
    `— ${seller.name}`,
  ].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<p>Hi ${escapeHtml(receipt.buyerName)},</p>
<p>${escapeHtml(intro)}</p>
<table cellpadding="6" style="border-collapse:collapse">
${rows.map(([k, v]) => `<tr><th align="left" style="border-bottom:1px solid #e2e8f0">${escapeHtml(k)}</th><td style="border-bottom:1px solid #e2e8f0">${escapeHtml(v)}</td></tr>`).join("\n")}
</table>
<p><a href="${escapeHtml(url)}">View and print your receipt</a> · <a href="${escapeHtml(`${seller.appUrl}/courses/${receipt.course.slug}`)}">Start watching</a></p>
<p>— ${escapeHtml(seller.name)}</p>
</body></html>`;
  return { to: receipt.buyerEmail, subject: `Your Lectern receipt ${receipt.number}`, text, html };
}
