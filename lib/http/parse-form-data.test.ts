import { describe, expect, it } from "vitest";
import { z } from "zod";
import { safeParseFormData } from "./parse-form-data";

const ZForm = z.object({ course: z.string().min(1, "Missing course"), coupon: z.string().nullable() });

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.set(k, v);
  return data;
};

describe("safeParseFormData", () => {
  it("reads the schema's fields from a FormData (a missing field is null)", () => {
    expect(safeParseFormData(ZForm, form({ course: "paid-course", extra: "ignored" }))).toEqual({
      success: true,
      data: { course: "paid-course", coupon: null },
    });
  });

  it.each([undefined, null, 42, "course=paid-course", { course: "paid-course" }, ["paid-course"], new URLSearchParams("course=x")])(
    "refuses %o, which is not a form submission, with a message (no TypeError)",
    (value) => {
      const parsed = safeParseFormData(ZForm, value);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("Expected a form submission");
    },
  );

  it("refuses a file where text is expected", () => {
    const data = form({ coupon: "" });
    data.set("course", new Blob(["x"]), "x.txt");
    expect(safeParseFormData(ZForm, data).success).toBe(false);
  });

  it("reports field errors by field", () => {
    const parsed = safeParseFormData(ZForm, form({ course: "" }));
    expect(parsed.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["course", "Missing course"]]);
  });
});
