import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../errors";
import { errorResponse, handleRoute } from "./error-response";

describe("errorResponse", () => {
  it("maps AppError codes to statuses with a message", async () => {
    const res = errorResponse(new AppError("NOT_FOUND", "Course not found"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "Course not found" } });
  });

  it("turns a ZodError into 400 with field messages", async () => {
    const parsed = z.object({ slug: z.string().min(3) }).safeParse({ slug: "x" });
    const res = errorResponse(parsed.error);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: { path: string }[] } };
    expect(body.error.fields[0]?.path).toBe("slug");
  });

  it("hides unknown errors behind a 500 without the stack", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await handleRoute(async () => {
      throw new Error("secret internals");
    })();
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("secret internals");
  });
});
