import { z } from "zod";

/**
 * Form fields as a browser posts them: every value is a string (a missing one is null, which
 * zod refuses with "expected string"). Each helper gives the message a seller can act on.
 */
export const zText = (label: string, max: number) =>
  z.string({ message: `${label} is missing` }).trim().max(max, `${label} is at most ${max} characters`);

export const zRequiredText = (label: string, max: number) => zText(label, max).min(1, `${label} is required`);

/** A whole number typed in a field ("3"), within bounds. */
export const zWholeNumber = (label: string, min: number, max: number) =>
  z
    .string({ message: `${label} is missing` })
    .trim()
    .regex(/^\d{1,9}$/, `${label} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(min, `${label} must be at least ${min}`).max(max, `${label} must be at most ${max}`));

/** An optional whole number: an empty field is null. */
export const zOptionalWholeNumber = (label: string, min: number, max: number) =>
  z.union([z.literal("").transform(() => null), zWholeNumber(label, min, max)]);

/** A money amount typed as "49", "49.9" or "49.99" → smallest currency unit (4999). */
export const zMoney = (label: string) =>
  z
    .string({ message: `${label} is missing` })
    .trim()
    .regex(/^\d{1,7}(?:\.\d{1,2})?$/, `${label} must be an amount like 49 or 49.99`)
    .transform((text) => {
      const [whole, fraction = ""] = text.split(".");
      return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
    });

const CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

/** An ISO 4217 code that Intl knows ("usd" is accepted and upper-cased). */
export const zCurrency = z
  .string({ message: "Currency is missing" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Currency must be a three-letter ISO 4217 code like USD or EUR")
  .refine((code) => CURRENCIES.has(code), "Unknown currency code (use ISO 4217, like USD or EUR)");

/** An id carried in a hidden field or an admin page's address (never typed; a bad one is a hand-made request). */
export const zId = z.string({ message: "Missing id" }).min(1, "Missing id").max(64).regex(/^[A-Za-z0-9_-]+$/, "Malformed id");

/** A checkbox: present ("on") or absent (null). */
export const zCheckbox = z.union([z.literal("on"), z.null()]).transform((v) => v === "on");
