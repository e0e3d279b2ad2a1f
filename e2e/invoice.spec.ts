import { randomUUID } from "node:crypto";
import type { APIRequestContext, Page } from "@playwright/test";
import { seriousViolations } from "./support/axe";
import { COURSE, expect, test } from "./fixtures";
import { refundOrder } from "./support/accounts";

// Issue 10: invoices good enough to expense anywhere. A buyer with a long e-mail and company
// name buys the course with billing details, prints the invoice (A4 and Letter: one page each,
// every field there), corrects the VAT ID later (re-issued, same number), and nobody else can
// see it.

const LONG_COMPANY = "Analytical Engines and Difference Machines International Holding Company Limited (Europe)";
const ADDRESS = ["12 Marylebone Road", "London NW1 5LR", "United Kingdom"];

async function signUp(request: APIRequestContext, baseURL: string, email: string, name: string) {
  const password = "correct horse battery";
  const res = await request.post(`${baseURL}/api/auth/sign-up/email`, { data: { email, password, name }, headers: { origin: baseURL } });
  expect(res.ok(), await res.text()).toBe(true);
  const signIn = await request.post(`${baseURL}/api/auth/sign-in/email`, { data: { email, password }, headers: { origin: baseURL } });
  expect(signIn.ok()).toBe(true);
}

/** The number of pages of a PDF made by Chromium (each page is one `/Type /Page` object). */
function pdfPages(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}

/** No two of the boxes overlap, and none of them is wider than its content allows (nothing cut or run over). */
async function expectColumnsApart(page: Page) {
  const boxes = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>(".invoice__parties section, .invoice__facts > div")].map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, right: r.right, bottom: r.bottom, overflowing: el.scrollWidth > el.clientWidth + 1 };
    }),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(5);
  for (const [i, a] of boxes.entries()) {
    expect(a.overflowing, `box ${i} overflows`).toBe(false);
    for (const b of boxes.slice(i + 1)) {
      const overlap = a.x < b.right - 1 && b.x < a.right - 1 && a.y < b.bottom - 1 && b.y < a.bottom - 1;
      expect(overlap, `boxes overlap: ${JSON.stringify([a, b])}`).toBe(false);
    }
  }
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(scroll, "horizontal scroll").toBeLessThanOrEqual(0);
}

test("buy with billing details → the printed invoice shows them, its number and the tax line; re-issue keeps the number; only the owner sees it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const email = `a-very-long-address-of-a-buyer-who-expenses-all-${randomUUID().slice(0, 8)}@accounts-payable.analytical-engines.example.com`;
  await signUp(page.request, baseURL!, email, "Ada Lovelace-Byron");

  // Checkout: the billing details are an optional step beside the price.
  await page.goto(`/courses/${COURSE}/checkout`);
  await expect(page.getByTestId("checkout-tax")).toHaveText("Prices include VAT (0%: $0.00).");
  await page.getByText("Company details for the invoice (optional)").click();
  await page.getByLabel("Company").fill(LONG_COMPANY);
  await page.getByLabel(/Billing address/).fill(ADDRESS.join("\n"));
  // A VAT ID the server refuses: a clear message, and what was typed is still there.
  await page.getByLabel("VAT ID").fill("GB<123>");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page.locator(".checkout-error")).toContainText("VAT ID may contain only letters");
  await expect(page.getByLabel("VAT ID")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Company")).toHaveValue(LONG_COMPANY);
  await page.getByLabel("VAT ID").fill("gb 123 4567 89");
  await page.getByRole("button", { name: "Pay", exact: true }).click();
  await expect(page.getByText("Test payment — no money moves")).toBeVisible();
  await page.getByRole("button", { name: "Pay (test)" }).click();

  // The order page names the invoice.
  await expect(page).toHaveURL(/\/account\/orders\/[^/]+\/receipt/);
  const orderUrl = page.url().replace(/\?.*$/, "");
  const invoiceUrl = orderUrl.replace(/\/receipt$/, "/invoice");
  await expect(page.getByTestId("receipt-invoice")).toContainText(/INV-\d{6}/);
  const number = (await page.getByTestId("receipt-invoice").locator("strong").textContent())!;
  await expect(page.getByTestId("receipt-buyer")).toContainText(LONG_COMPANY);
  await expect(page.getByTestId("receipt-tax")).toHaveText("$0.00");
  expect(await seriousViolations(page)).toEqual([]);

  // The invoice: seller with tax ID, buyer with company, address and VAT ID, number, tax line.
  await page.getByTestId("invoice-link").click();
  await expect(page).toHaveURL(invoiceUrl);
  await expect(page.getByTestId("invoice-number")).toHaveText(number);
  await expect(page.getByTestId("invoice-seller")).toContainText("Lectern Courses");
  await expect(page.getByTestId("invoice-seller")).toContainText("Example Street 1, 10115 Berlin, Germany");
  await expect(page.getByTestId("invoice-seller")).toContainText("VAT ID: DE000000000");
  await expect(page.getByTestId("invoice-buyer-company")).toHaveText(LONG_COMPANY);
  await expect(page.getByTestId("invoice-buyer")).toContainText("Ada Lovelace-Byron");
  await expect(page.getByTestId("invoice-buyer-address")).toHaveText(ADDRESS.join("\n"));
  await expect(page.getByTestId("invoice-buyer-email")).toHaveText(email);
  await expect(page.getByTestId("invoice-buyer-vat")).toHaveText("VAT ID: GB 123 4567 89");
  await expect(page.getByTestId("invoice-tax")).toHaveText("$0.00");
  await expect(page.getByText("VAT 0%", { exact: true })).toBeVisible();
  await expect(page.getByTestId("invoice-total")).toHaveText("$59.99 USD");
  await expect(page.getByTestId("invoice-statement")).toContainText("Prices include VAT (VAT 0%)");
  expect(await seriousViolations(page)).toEqual([]);

  // Long names wrap in their column at desktop and phone widths.
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await expectColumnsApart(page);
    expect(await seriousViolations(page)).toEqual([]);
  }

  // Printed: exactly one page on A4 and on Letter, with every field in the print layout.
  await page.emulateMedia({ media: "print" });
  for (const field of ["invoice-number", "invoice-seller", "invoice-buyer-company", "invoice-buyer-address", "invoice-buyer-vat", "invoice-tax", "invoice-total"]) {
    await expect(page.getByTestId(field)).toBeVisible();
  }
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.locator(".site-header")).toBeHidden();
  for (const format of ["A4", "Letter"] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pdfPages(pdf), `${format} pages`).toBe(1);
  }
  await page.emulateMedia({ media: "screen" });

  // Later, from the order: the VAT ID corrected → re-issued as revision 2, same number.
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto(orderUrl);
  await expect(page.getByLabel("VAT ID")).toHaveValue("GB 123 4567 89");
  await page.getByLabel("VAT ID").fill("GB 987 6543 21");
  await page.getByRole("button", { name: "Save and re-issue the invoice" }).click();
  await expect(page.getByTestId("billing-saved")).toHaveText("Saved. The invoice was re-issued (revision 2); its number stays the same.");
  await expect(page.getByTestId("receipt-invoice")).toContainText(`${number}, revision 2`);
  await page.goto(invoiceUrl);
  await expect(page.getByTestId("invoice-number")).toHaveText(number);
  await expect(page.getByTestId("invoice-revision")).toContainText("2, re-issued");
  await expect(page.getByTestId("invoice-buyer-vat")).toHaveText("VAT ID: GB 987 6543 21");

  // Nobody else: signed out → sign in; another learner → 404, for the invoice, the order and its form.
  const anonymous = await browser.newContext({ baseURL });
  const anon = await anonymous.newPage();
  await anon.goto(invoiceUrl);
  await expect(anon).toHaveURL(/\/sign-in\?next=/);
  const other = await browser.newContext({ baseURL });
  await signUp(other.request, baseURL!, `other-${randomUUID()}@example.com`, "Mallory");
  for (const url of [invoiceUrl, orderUrl, orderUrl.replace(/\/receipt$/, "/credit-note")]) {
    expect((await other.request.get(url)).status(), url).toBe(404);
  }
  await anonymous.close();
  await other.close();

  // A refund: the order gets a credit note with its own number, which cancels the invoice.
  refundOrder(new URL(orderUrl).pathname.split("/")[3]!);
  await page.goto(invoiceUrl);
  await expect(page.getByTestId("invoice-statement")).toContainText(/see credit note INV-CN-\d{6}/);
  await page.getByRole("link", { name: /^Credit note INV-CN-\d{6}$/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Credit note");
  await expect(page.getByTestId("invoice-number")).toHaveText(/^INV-CN-\d{6}$/);
  await expect(page.getByText(`${number} of`)).toBeVisible();
  await expect(page.getByTestId("invoice-total")).toHaveText("−$59.99 USD");
  await expect(page.getByTestId("invoice-buyer-vat")).toHaveText("VAT ID: GB 987 6543 21");
  expect(await seriousViolations(page)).toEqual([]);
  await page.emulateMedia({ media: "print" });
  expect(pdfPages(await page.pdf({ format: "A4" }))).toBe(1);

  // The page counter itself counts: 400 mm of content is two A4 pages.
  const tall = await page.context().newPage();
  await tall.setContent('<div style="height: 400mm">tall</div>');
  expect(pdfPages(await tall.pdf({ format: "A4" }))).toBe(2);
});
