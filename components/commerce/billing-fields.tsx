import { BILLING_LIMITS, type TBillingDetails } from "@/lib/commerce/invoices/billing-details";

type TProps = {
  /** Prefix for the inputs' ids (two forms may share a page). */
  idPrefix: string;
  values: TBillingDetails;
  /** Field messages from the server (actionError's `fields`). */
  errors?: Record<string, string>;
};

/**
 * Company, address and VAT ID for the invoice: the checkout's optional step and the order page's
 * form. The limits here only help the typist; the server enforces them (ZBillingDetails).
 */
export function BillingFields({ idPrefix, values, errors = {} }: TProps) {
  const field = (name: keyof TBillingDetails) => ({
    id: `${idPrefix}-${name}`,
    name,
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": errors[name] ? `${idPrefix}-${name}-error` : undefined,
  });
  const error = (name: keyof TBillingDetails) =>
    errors[name] ? (
      <span id={`${idPrefix}-${name}-error`} className="billing-fields__error">
        {errors[name]}
      </span>
    ) : null;
  return (
    <div className="billing-fields">
      <label htmlFor={`${idPrefix}-billingCompany`}>
        Company <span className="hint">(optional)</span>
      </label>
      <input
        {...field("billingCompany")}
        className="field-input"
        defaultValue={values.billingCompany ?? ""}
        maxLength={BILLING_LIMITS.company}
        autoComplete="organization"
      />
      {error("billingCompany")}
      <label htmlFor={`${idPrefix}-billingAddress`}>
        Billing address <span className="hint">(optional; street, city, postcode, country)</span>
      </label>
      <textarea
        {...field("billingAddress")}
        className="field-input"
        defaultValue={values.billingAddress ?? ""}
        maxLength={BILLING_LIMITS.address}
        rows={4}
        autoComplete="street-address"
      />
      {error("billingAddress")}
      <label htmlFor={`${idPrefix}-billingVatId`}>
        VAT ID <span className="hint">(optional)</span>
      </label>
      <input
        {...field("billingVatId")}
        className="field-input"
        defaultValue={values.billingVatId ?? ""}
        maxLength={BILLING_LIMITS.vatId}
        autoComplete="off"
        spellCheck={false}
      />
      {error("billingVatId")}
    </div>
  );
}
