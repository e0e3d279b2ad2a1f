"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireAdmin } from "@/lib/access/require-admin.server";
import { writeAudit } from "@/lib/admin/write-audit";
import { db } from "@/lib/db.server";
import { actionError, type TActionState } from "@/lib/http/action-error";
import { safeParseFormData } from "@/lib/http/parse-form-data";
import { retryJob } from "@/lib/jobs/retry-job";

const ZRetryJob = z.object({ jobId: z.string().min(1, "Which job?").max(64) });

export type TRetryState = TActionState & { notice?: string };

/** Retry: a failed job goes back to the queue (admins only; the change and its audit row in one transaction). */
export async function retryJobAction(_state: TRetryState, formData: unknown): Promise<TRetryState> {
  const admin = await requireAdmin();
  const parsed = safeParseFormData(ZRetryJob, formData);
  if (!parsed.success) return actionError(parsed.error);
  const { jobId } = parsed.data;
  try {
    await db.$transaction(async (tx) => {
      const change = await retryJob(tx, jobId);
      await writeAudit(tx, {
        actor: { id: admin.id, email: admin.email },
        action: "job.retry",
        targetType: "transcode-job",
        targetId: jobId,
        before: { status: change.before },
        after: { status: change.after },
      });
    });
  } catch (error) {
    return actionError(error);
  }
  revalidatePath("/admin/jobs");
  return { notice: "Queued again." };
}
