import { describe, expect, it } from "vitest";
import { decideAdminAccess } from "./decide-admin-access";

describe("decideAdminAccess", () => {
  it("refuses an anonymous visitor as anonymous", () => {
    expect(decideAdminAccess(null)).toEqual({ allowed: false, reason: "anonymous" });
  });

  it("refuses a learner as not an admin", () => {
    expect(decideAdminAccess({ id: "u1", email: "l@x.test", name: "L", role: "learner" })).toEqual({
      allowed: false,
      reason: "not-admin",
    });
  });

  it("lets an admin in and names them (for the audit log)", () => {
    expect(decideAdminAccess({ id: "a1", email: "a@x.test", name: "A", role: "admin" })).toEqual({
      allowed: true,
      admin: { id: "a1", email: "a@x.test", name: "A" },
    });
  });
});
