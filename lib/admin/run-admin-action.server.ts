import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { requireAdmin } from "../access/require-admin.server";
import { invalidateCatalog } from "../catalog/invalidate-catalog.server";
import { db } from "../db.server";
import { actionError } from "../http/action-error";
import { safeParseFormData } from "../http/parse-form-data";
import type { TAdminActionState } from "./admin-action-state";
import type { TAdminDeps } from "./admin-deps";

export type TAdminActionOutcome = { notice?: string; redirectTo?: string } | void;

/**
 * The one shape of every admin server action: the caller must be an admin (checked first, so a
 * learner's or a stranger's call answers 403 / 401 whatever it sends), then the form is parsed
 * with zod (field messages back to the form, never a 500), then the lib function runs with the
 * admin as the audited actor. Afterwards the admin pages render again with the new state, and so
 * do the cached public pages (catalog, course pages: any admin change may show there, issue 12).
 */
export async function runAdminAction<S extends z.ZodObject>(
  formData: unknown,
  schema: S,
  run: (deps: TAdminDeps, input: z.output<S>) => Promise<TAdminActionOutcome>,
): Promise<TAdminActionState> {
  const admin = await requireAdmin();
  const parsed = safeParseFormData(schema, formData);
  if (!parsed.success) return actionError(parsed.error);
  let outcome: TAdminActionOutcome;
  try {
    outcome = await run({ db, now: () => new Date(), actor: { id: admin.id, email: admin.email } }, parsed.data);
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/admin", "layout");
  invalidateCatalog();
  if (outcome?.redirectTo) redirect(outcome.redirectTo);
  return { notice: outcome?.notice ?? "Saved." };
}
