import { describe, expect, it } from "vitest";
import type { TToc } from "../catalog/get-course-toc";
import { buildTeamGrid, csvCell, renderTeamCsv } from "./team-grid";

const seg = (id: string, position: number) => ({ id, slug: id, position, number: `1.${position}`, title: id, subtitle: "", durationSeconds: 60, free: false });
const toc = {
  course: { id: "c" },
  parts: [
    { id: "p1", position: 1, title: "Overview", summary: "", free: true, totalSeconds: 120, segments: [seg("s1", 1), seg("s2", 2)] },
    { id: "p2", position: 2, title: "Security, \"and\" more", summary: "", free: false, totalSeconds: 60, segments: [seg("s3", 1)] },
  ],
} as unknown as TToc;
const members = [
  { memberId: "m1", userId: "u1", name: "Grace", email: "grace@example.com", role: "member" },
  { memberId: "m2", userId: "u2", name: "=HYPERLINK(\"http://evil\")", email: "x@example.com", role: "member" },
];
const at = (m: number) => new Date(Date.UTC(2026, 10, 29, 12, m));

describe("buildTeamGrid", () => {
  const grid = buildTeamGrid(toc, members, [
    { userId: "u1", segmentId: "s1", watchedSeconds: 58, completedAt: at(1), updatedAt: at(1) },
    { userId: "u1", segmentId: "s3", watchedSeconds: 20, completedAt: null, updatedAt: at(5) },
    { userId: "u1", segmentId: "archived", watchedSeconds: 99, completedAt: at(9), updatedAt: at(9) },
  ]);
  it("counts honest completion per part, watched time and last activity; ignores segments no longer listed", () => {
    expect(grid[0]).toMatchObject({
      parts: [
        { partId: "p1", completed: 1, total: 2 },
        { partId: "p2", completed: 0, total: 1 },
      ],
      completedSegments: 1,
      totalSegments: 3,
      watchedSeconds: 78,
      lastActiveAt: at(5),
    });
    expect(grid[1]).toMatchObject({ completedSegments: 0, watchedSeconds: 0, lastActiveAt: null });
  });
  it("exports a CSV a spreadsheet reads as data, not formulas", () => {
    const csv = renderTeamCsv(toc, grid);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      'Name,E-mail,Role,Part 1: Overview (of 2),"Part 2: Security, ""and"" more (of 1)",Completed segments,Total segments,Completed %,Watched minutes,Last active (UTC)',
    );
    expect(lines[1]).toBe("Grace,grace@example.com,member,1,0,1,3,33,1.3,2026-11-29 12:05");
    expect(lines[2]).toBe(`"'=HYPERLINK(""http://evil"")",x@example.com,member,0,0,0,3,0,0,`);
    expect(csvCell("-1+1")).toBe("'-1+1");
    expect(csvCell(-1)).toBe("-1");
  });
});
