import { z } from "zod";
import { ZCouponCode } from "../../commerce/coupon-code";
import { zId, zMoney, zOptionalWholeNumber, zText } from "../form-fields";

/** "2026-12-31" from a date field: the coupon works until the end of that day (UTC). */
const zExpiry = z.union([
  z.literal("").transform(() => null),
  z
    .string({ message: "Expiry is missing" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Expiry must be a date like 2026-12-31")
    .transform((day) => new Date(`${day}T23:59:59.999Z`))
    .refine((date) => !Number.isNaN(date.getTime()), "Expiry must be a real date"),
]);

export const ZCreateCoupon = z
  .object({
    code: ZCouponCode.refine((code) => code.length >= 3, "Coupon codes are at least 3 characters"),
    description: zText("Description", 200),
    kind: z.enum(["percent", "fixed"], { message: "Choose a percentage or a fixed amount" }),
    percentOff: zOptionalWholeNumber("Percent off", 1, 100),
    amountOff: z.union([z.literal("").transform(() => null), zMoney("Amount off")]),
    /** "" = every course. */
    courseId: z.union([z.literal("").transform(() => null), zId]),
    expiresOn: zExpiry,
    maxRedemptions: zOptionalWholeNumber("Max redemptions", 1, 1_000_000),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "percent" && v.percentOff === null) {
      ctx.addIssue({ code: "custom", path: ["percentOff"], message: "Enter the percentage off (1–100)" });
    }
    if (v.kind === "fixed" && (v.amountOff === null || v.amountOff === 0)) {
      ctx.addIssue({ code: "custom", path: ["amountOff"], message: "Enter the amount off, like 10 or 9.99" });
    }
  });
export type TCreateCoupon = z.infer<typeof ZCreateCoupon>;

export const ZSetCouponActive = z.object({
  couponId: zId,
  active: z.enum(["true", "false"], { message: "Choose enable or disable" }).transform((v) => v === "true"),
});
export type TSetCouponActive = z.infer<typeof ZSetCouponActive>;
