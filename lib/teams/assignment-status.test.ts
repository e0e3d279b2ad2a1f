import { describe, expect, it } from "vitest";
import { decideAssigneeStatus } from "./assignment-status";

const due = new Date("2026-12-01T00:00:00Z");
const progress = (entries: [string, number, boolean][]) => new Map(entries.map(([id, w, c]) => [id, { watchedSeconds: w, completed: c }]));

describe("decideAssigneeStatus", () => {
  it.each([
    ["nothing watched", ["a"], [], "2026-11-30T12:00:00Z", { state: "not-started", overdue: false }],
    ["nothing watched, past the due day", ["a"], [], "2026-12-02T00:00:00Z", { state: "not-started", overdue: true }],
    ["on the due day itself: not yet overdue", ["a"], [], "2026-12-01T23:59:59Z", { state: "not-started", overdue: false }],
    ["some of it watched", ["a", "b"], [["a", 30, true]], "2026-11-30T00:00:00Z", { state: "started", overdue: false }],
    ["started and late", ["a"], [["a", 5, false]], "2026-12-03T00:00:00Z", { state: "started", overdue: true }],
    ["the whole part complete, late: never overdue", ["a", "b"], [["a", 60, true], ["b", 60, true]], "2026-12-09T00:00:00Z", { state: "completed", overdue: false }],
    ["an empty scope is never complete", [], [], "2026-11-30T00:00:00Z", { state: "not-started", overdue: false }],
  ] as const)("%s", (_name, scope, rows, now, want) => {
    expect(
      decideAssigneeStatus({ scope, progress: progress(rows as unknown as [string, number, boolean][]), dueAt: due, now: new Date(now) }),
    ).toEqual(want);
  });
  it("without a due date nothing is overdue", () => {
    expect(decideAssigneeStatus({ scope: ["a"], progress: new Map(), dueAt: null, now: new Date("2099-01-01") }).overdue).toBe(false);
  });
});
