/** Every error a user may see. `code` maps to an HTTP status in one place (lib/http/error-response.ts). */
export type TAppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "CONFLICT"
  | "LENGTH_REQUIRED"
  | "PAYLOAD_TOO_LARGE"
  | "RANGE_NOT_SATISFIABLE"
  | "UNAVAILABLE";

export class AppError extends Error {
  readonly code: TAppErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: TAppErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
