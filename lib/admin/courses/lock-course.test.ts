import { describe, expect, it } from "vitest";
import { AppError } from "../../errors";
import { reorderError } from "./lock-course";

describe("reorderError", () => {
  it("turns a taken position (P2002) or a PostgreSQL write conflict (P2034) into a 409 the admin can act on", () => {
    for (const code of ["P2002", "P2034"]) {
      const mapped = reorderError(Object.assign(new Error("prisma"), { code }));
      expect(mapped).toBeInstanceOf(AppError);
      expect(mapped).toMatchObject({ code: "CONFLICT", message: "The order changed meanwhile. Reload the page and try again." });
    }
  });

  it("leaves any other error as it is", () => {
    const other = Object.assign(new Error("disk full"), { code: "P1001" });
    expect(reorderError(other)).toBe(other);
    const notFound = new AppError("NOT_FOUND", "Course not found");
    expect(reorderError(notFound)).toBe(notFound);
  });
});
