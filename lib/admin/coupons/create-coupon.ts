import { AppError } from "../../errors";
import { isUniqueViolation, nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import type { TCreateCoupon } from "./coupon-schemas";

/**
 * A new coupon, in the shape checkout's checkCoupon reads (lib/commerce/check-coupon.ts):
 * percent (1–100) or fixed (smallest currency unit), for one course or all, optionally
 * expiring and capped. Codes are stored upper-case and unique.
 */
export async function createCoupon(deps: TAdminDeps, input: TCreateCoupon): Promise<{ couponId: string }> {
  const now = nowOf(deps);
  if (input.expiresOn && input.expiresOn.getTime() <= now.getTime()) {
    throw new AppError("BAD_REQUEST", "Expiry must be today or later", { field: "expiresOn" });
  }
  try {
    return await deps.db.$transaction(async (tx) => {
      if (input.courseId) {
        const course = await tx.course.findUnique({ where: { id: input.courseId }, select: { priceCents: true } });
        if (!course) throw new AppError("BAD_REQUEST", "Choose a course from the list", { field: "courseId" });
        if (input.kind === "fixed" && input.amountOff! > course.priceCents) {
          throw new AppError("BAD_REQUEST", "The amount off is more than the course costs", { field: "amountOff" });
        }
      }
      const data = {
        code: input.code,
        description: input.description,
        kind: input.kind,
        percentOff: input.kind === "percent" ? input.percentOff : null,
        amountOffCents: input.kind === "fixed" ? input.amountOff : null,
        courseId: input.courseId,
        expiresAt: input.expiresOn,
        maxRedemptions: input.maxRedemptions,
        active: true,
      };
      const coupon = await tx.coupon.create({ data, select: { id: true } });
      await writeAudit(tx, { actor: deps.actor, action: "coupon.create", targetType: "coupon", targetId: coupon.id, after: data }, now);
      return { couponId: coupon.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", `The code ${input.code} is already taken`, { field: "code" });
    throw error;
  }
}
