import { describe, expect, it } from "vitest";
import { planSegmentMove } from "./plan-segment-move";

const parts = [
  { partId: "p1", segmentIds: ["a", "b", "c"] },
  { partId: "p2", segmentIds: ["d"] },
];

describe("planSegmentMove", () => {
  it("swaps a segment with the one above it", () => {
    expect(planSegmentMove(parts, { segmentId: "b", direction: "up", toPartId: null })).toEqual([
      { partId: "p1", segmentIds: ["b", "a", "c"] },
    ]);
  });

  it("swaps a segment with the one below it", () => {
    expect(planSegmentMove(parts, { segmentId: "b", direction: "down", toPartId: null })).toEqual([
      { partId: "p1", segmentIds: ["a", "c", "b"] },
    ]);
  });

  it("changes nothing when the first moves up or the last moves down", () => {
    expect(planSegmentMove(parts, { segmentId: "a", direction: "up", toPartId: null })).toEqual([]);
    expect(planSegmentMove(parts, { segmentId: "c", direction: "down", toPartId: null })).toEqual([]);
  });

  it("moves a segment to the end of another part and closes the gap it leaves", () => {
    expect(planSegmentMove(parts, { segmentId: "a", direction: null, toPartId: "p2" })).toEqual([
      { partId: "p1", segmentIds: ["b", "c"] },
      { partId: "p2", segmentIds: ["d", "a"] },
    ]);
  });

  it("treats a move to its own part as a direction move (none here: no change)", () => {
    expect(planSegmentMove(parts, { segmentId: "a", direction: null, toPartId: "p1" })).toEqual([]);
  });

  it("refuses a part of another course", () => {
    expect(() => planSegmentMove(parts, { segmentId: "a", direction: null, toPartId: "elsewhere" })).toThrow(
      "Part elsewhere is not in this course",
    );
  });
});
