import { AppError } from "../../lib/errors";
import { statusOf } from "../../lib/http/error-response";

/**
 * The HTTP status a route would answer for `run`: 200 when it succeeds, the AppError's mapped
 * status (lib/http/error-response.ts), 400 for a ZodError; anything else is a bug and throws.
 */
export async function httpStatusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    await run();
    return 200;
  } catch (error) {
    if (error instanceof AppError) return statusOf(error.code);
    if ((error as Error).name === "ZodError") return 400;
    throw error;
  }
}
