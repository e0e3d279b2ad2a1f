import { ZodError } from "zod";
import { AppError, type TAppErrorCode } from "../errors";

const STATUS: Record<TAppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  LENGTH_REQUIRED: 411,
  PAYLOAD_TOO_LARGE: 413,
  RANGE_NOT_SATISFIABLE: 416,
  UNAVAILABLE: 503,
};

export function statusOf(code: TAppErrorCode): number {
  return STATUS[code];
}

/** Maps any thrown value to a JSON response; unknown errors are logged and never leak details. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...error.details } },
      { status: STATUS[error.code] },
    );
  }
  if (error instanceof ZodError) {
    const fields = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return Response.json(
      { error: { code: "BAD_REQUEST", message: "Invalid request", fields } },
      { status: 400 },
    );
  }
  console.error("Unhandled error in route:", error);
  return Response.json(
    { error: { code: "INTERNAL", message: "Something went wrong on our side." } },
    { status: 500 },
  );
}

/** Wraps a route handler so every failure becomes a typed JSON error response. */
export function handleRoute<A extends unknown[]>(
  handler: (...args: A) => Promise<Response>,
): (...args: A) => Promise<Response> {
  return async (...args: A) => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
