import { notFound } from "../../errors";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import type { TSetCouponActive } from "./coupon-schemas";

/**
 * Disables a coupon (checkout refuses it from now on: "no longer active") or enables it again.
 * Orders already made with it keep their discount. A repeat changes nothing and isn't logged.
 */
export async function setCouponActive(deps: TAdminDeps, input: TSetCouponActive): Promise<{ changed: boolean }> {
  return deps.db.$transaction(async (tx) => {
    const coupon = await tx.coupon.findUnique({ where: { id: input.couponId }, select: { active: true, code: true } });
    if (!coupon) throw notFound("Coupon");
    const changed = await tx.coupon.updateMany({ where: { id: input.couponId, active: !input.active }, data: { active: input.active } });
    if (changed.count === 0) return { changed: false };
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: input.active ? "coupon.enable" : "coupon.disable",
        targetType: "coupon",
        targetId: input.couponId,
        before: { code: coupon.code, active: coupon.active },
        after: { code: coupon.code, active: input.active },
      },
      nowOf(deps),
    );
    return { changed: true };
  });
}
