import { describe, expect, it } from "vitest";
import { teamRoleMay } from "./team-roles";

describe("teamRoleMay", () => {
  it.each([
    ["owner", "see-progress", true],
    ["manager", "see-progress", true],
    ["member", "see-progress", false],
    ["owner", "assign", true],
    ["manager", "assign", true],
    ["member", "assign", false],
    ["owner", "invite", true],
    ["manager", "invite", false],
    ["member", "invite", false],
    ["owner", "revoke", true],
    ["manager", "revoke", false],
    ["owner", "buy-seats", true],
    ["member", "buy-seats", false],
    ["admin", "see-progress", false],
    ["", "assign", false],
  ] as const)("%s may %s: %s", (role, action, allowed) => {
    expect(teamRoleMay(role, action)).toBe(allowed);
  });
});
