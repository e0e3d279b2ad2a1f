import { unstable_rethrow } from "next/navigation";
import { ZodError } from "zod";
import { AppError } from "../errors";

/** What a server action answers when it can't do its job; forms show `error` (and `fields`). */
export type TActionState = { error?: string; fields?: Record<string, string> };

const GENERIC = "Something went wrong on our side. Please try again.";

/**
 * Every server action's one error mapping (the action twin of error-response.ts): an
 * AppError's message is meant for the user (a field AppError also marks its field); a
 * ZodError gives its first message and one message per field ("form" for the whole
 * argument); anything else is logged and answered with `fallback`, never with its details.
 * Next's own control flow (redirect(), notFound()) is rethrown, not reported.
 */
export function actionError(error: unknown, fallback: string = GENERIC): { error: string; fields?: Record<string, string> } {
  unstable_rethrow(error);
  if (error instanceof AppError) {
    const field = typeof error.details?.field === "string" ? error.details.field : null;
    return field ? { error: error.message, fields: { [field]: error.message } } : { error: error.message };
  }
  if (error instanceof ZodError) {
    const fields: Record<string, string> = {};
    for (const issue of error.issues) {
      const key = issue.path.length > 0 ? issue.path.join(".") : "form";
      fields[key] ??= issue.message;
    }
    return { error: error.issues[0]?.message ?? "Invalid request", fields };
  }
  console.error("Server action failed:", error);
  return { error: fallback };
}
