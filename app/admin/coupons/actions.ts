"use server";

import type { TAdminActionState } from "@/lib/admin/admin-action-state";
import { ZCreateCoupon, ZSetCouponActive } from "@/lib/admin/coupons/coupon-schemas";
import { createCoupon } from "@/lib/admin/coupons/create-coupon";
import { setCouponActive } from "@/lib/admin/coupons/set-coupon-active";
import { runAdminAction } from "@/lib/admin/run-admin-action.server";

export async function createCouponAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZCreateCoupon, async (deps, input) => {
    await createCoupon(deps, input);
    return { notice: `Coupon ${input.code} created.` };
  });
}

export async function setCouponActiveAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZSetCouponActive, async (deps, input) => {
    await setCouponActive(deps, input);
    return { notice: input.active ? "Enabled: buyers can use it again." : "Disabled: checkout refuses it from now on." };
  });
}
