/** A part's visible segments, in order (archived ones are not part of the order). */
export type TPartOrder = { partId: string; segmentIds: string[] };

export type TSegmentMove = { segmentId: string; direction: "up" | "down" | null; toPartId: string | null };

/**
 * Where every segment of the affected parts ends up after one move: up/down swaps with the
 * neighbour inside the part (a no-op at either end), toPartId appends to that part's end.
 * Returns the new order of each changed part, or [] when nothing changes. Pure, so the rules
 * are tested without a database; applySegmentOrder writes the answer in one transaction.
 */
export function planSegmentMove(parts: TPartOrder[], move: TSegmentMove): TPartOrder[] {
  const from = parts.find((p) => p.segmentIds.includes(move.segmentId));
  if (!from) throw new Error(`Segment ${move.segmentId} is not in any of the given parts`);
  const index = from.segmentIds.indexOf(move.segmentId);

  if (move.toPartId !== null && move.toPartId !== from.partId) {
    const to = parts.find((p) => p.partId === move.toPartId);
    if (!to) throw new Error(`Part ${move.toPartId} is not in this course`);
    return [
      { partId: from.partId, segmentIds: from.segmentIds.filter((id) => id !== move.segmentId) },
      { partId: to.partId, segmentIds: [...to.segmentIds, move.segmentId] },
    ];
  }
  if (move.direction === null) return [];
  const target = move.direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= from.segmentIds.length) return [];
  const ids = [...from.segmentIds];
  [ids[index], ids[target]] = [ids[target]!, ids[index]!];
  return [{ partId: from.partId, segmentIds: ids }];
}
