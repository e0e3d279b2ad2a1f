import { z } from "zod";

/** Server-side limits (the forms repeat them as maxLength, which is only a convenience). */
export const BILLING_LIMITS = { company: 200, address: 500, addressLines: 8, vatId: 30 } as const;

// Control characters other than the address's line breaks would print as garbage or hide text.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/** A form field: null (absent) or "" (left empty) both mean "none". */
const optionalText = (label: string, max: number) =>
  z
    .string()
    .nullish()
    .transform((v) => (v ?? "").replace(/\r\n?/g, "\n").trim())
    .pipe(
      z
        .string()
        .max(max, `${label} must be at most ${max} characters`)
        .refine((v) => !CONTROL.test(v), `${label} contains characters that cannot be printed`),
    )
    .transform((v) => (v === "" ? null : v));

/**
 * What the buyer may add to the invoice: company, postal address, VAT ID — all optional.
 * Named after the form fields (billingCompany, …) so a FormData parses directly.
 */
export const ZBillingDetails = z.object({
  billingCompany: optionalText("Company", BILLING_LIMITS.company).refine((v) => v === null || !v.includes("\n"), {
    message: "Company must be on one line",
  }),
  billingAddress: optionalText("Address", BILLING_LIMITS.address)
    .transform((v) => (v === null ? null : v.split("\n").map((line) => line.trim()).filter(Boolean).join("\n")))
    .refine((v) => v === null || v.split("\n").length <= BILLING_LIMITS.addressLines, {
      message: `Address must be at most ${BILLING_LIMITS.addressLines} lines`,
    }),
  billingVatId: optionalText("VAT ID", BILLING_LIMITS.vatId)
    .transform((v) => (v === null ? null : v.toUpperCase()))
    .refine((v) => v === null || /^[A-Z0-9][A-Z0-9 .\-/]*$/.test(v), {
      message: "VAT ID may contain only letters, digits, spaces, '.', '-' and '/'",
    }),
});
export type TBillingDetails = z.infer<typeof ZBillingDetails>;

export const NO_BILLING_DETAILS: TBillingDetails = { billingCompany: null, billingAddress: null, billingVatId: null };

export function sameBillingDetails(a: TBillingDetails, b: TBillingDetails): boolean {
  return a.billingCompany === b.billingCompany && a.billingAddress === b.billingAddress && a.billingVatId === b.billingVatId;
}
