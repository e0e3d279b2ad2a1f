import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { actionError } from "./action-error";

afterEach(() => vi.restoreAllMocks());

describe("actionError (every server action's error → { error } state)", () => {
  it("gives an AppError's message to the buyer", () => {
    expect(actionError(new AppError("CONFLICT", "You already own this course"))).toEqual({ error: "You already own this course" });
  });

  it("puts a field AppError's message on that field too", () => {
    const error = new AppError("BAD_REQUEST", "This coupon has expired", { field: "coupon", coupon: "OLD" });
    expect(actionError(error)).toEqual({ error: "This coupon has expired", fields: { coupon: "This coupon has expired" } });
  });

  it("turns a ZodError into its first message plus one message per field", () => {
    const parsed = z.object({ course: z.string().min(3, "Unknown course"), coupon: z.string().max(2, "Too long") }).safeParse({ course: "x", coupon: "abc" });
    expect(actionError(parsed.error)).toEqual({ error: "Unknown course", fields: { course: "Unknown course", coupon: "Too long" } });
  });

  it("names a ZodError about the whole argument 'form'", () => {
    const parsed = z.instanceof(FormData, { message: "Expected a form submission" }).safeParse(42);
    expect(actionError(parsed.error)).toEqual({ error: "Expected a form submission", fields: { form: "Expected a form submission" } });
  });

  it("logs an unknown error and answers generically, never with its message", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = actionError(new TypeError("b.get is not a function"));
    expect(result).toEqual({ error: "Something went wrong on our side. Please try again." });
    expect(JSON.stringify(result)).not.toContain("b.get");
    expect(log).toHaveBeenCalledTimes(1);
    expect(actionError("weird", "Nothing was charged; please try again.")).toEqual({ error: "Nothing was charged; please try again." });
  });

  it("rethrows Next's control flow (redirect) instead of reporting it as an error", async () => {
    const { redirect } = await import("next/navigation");
    let thrown: unknown;
    try {
      redirect("/account");
    } catch (error) {
      thrown = error;
    }
    expect(() => actionError(thrown)).toThrow(thrown as Error);
  });
});
