import type { Db } from "../db";
import { AppError } from "../errors";
import { requireSegmentAccess } from "../access/require-segment-access";
import type { TViewer } from "../access/viewer";
import { getCourseToc, type TToc } from "../catalog/get-course-toc";
import { NOTES_PER_COURSE_MAX, ZNoteCreate, ZNoteId, ZNoteUpdate, type TNote } from "./note-schemas";

type TUser = Extract<TViewer, { kind: "user" }>;

const NOTE_SELECT = {
  id: true,
  atSeconds: true,
  text: true,
  createdAt: true,
  updatedAt: true,
  segment: { select: { slug: true } },
} as const;

function toNote(row: { id: string; atSeconds: number; text: string; createdAt: Date; updatedAt: Date; segment: { slug: string } }): TNote {
  return {
    id: row.id,
    segment: row.segment.slug,
    atSeconds: row.atSeconds,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** Notes are an account's: anonymous viewers get 401 before anything else happens. */
export function requireNoteTaker(viewer: TViewer): asserts viewer is TUser {
  if (viewer.kind !== "user") throw new AppError("UNAUTHENTICATED", "Sign in to keep notes.");
}

/**
 * Adds a note at a moment of a segment the viewer may watch (the one access decision: a note
 * on a locked segment is a 403, like its media). The moment must be inside the segment.
 */
export async function addNote(db: Db, viewer: TViewer, body: unknown): Promise<TNote> {
  requireNoteTaker(viewer);
  const input = ZNoteCreate.parse(body);
  const { segment } = await requireSegmentAccess(db, viewer, input.course, input.segment);
  if (input.atSeconds > segment.durationSeconds + 1) {
    throw new AppError("BAD_REQUEST", `The note's time is past the end of the segment (${Math.round(segment.durationSeconds)} s).`, {
      field: "atSeconds",
    });
  }
  const count = await db.note.count({ where: { userId: viewer.userId, courseId: segment.course.id } });
  if (count >= NOTES_PER_COURSE_MAX) {
    throw new AppError("CONFLICT", `You have ${NOTES_PER_COURSE_MAX} notes in this course; delete some to add more.`);
  }
  const row = await db.note.create({
    data: {
      userId: viewer.userId,
      segmentId: segment.id,
      courseId: segment.course.id,
      atSeconds: Math.min(input.atSeconds, segment.durationSeconds),
      text: input.text,
    },
    select: NOTE_SELECT,
  });
  return toNote(row);
}

/**
 * The viewer's own notes of a course (or of one segment), in course order then time. Only
 * segments the viewer can see count: an archived segment's notes wait until it returns.
 */
export async function listNotes(db: Db, viewer: TViewer, courseSlug: string, segmentSlug?: string, known?: TToc): Promise<TNote[]> {
  requireNoteTaker(viewer);
  // `known`: the course's table of contents as this viewer sees it, when the caller has read it
  // already (the viewer JSON, lib/viewer/read-viewer-state.ts): one read less per view.
  const toc = known && known.course.slug === courseSlug ? known : await getCourseToc(db, courseSlug, viewer);
  if (!toc) throw new AppError("NOT_FOUND", "Course not found");
  const order = new Map(toc.parts.flatMap((p) => p.segments).map((s, i) => [s.slug, i]));
  if (segmentSlug !== undefined && !order.has(segmentSlug)) throw new AppError("NOT_FOUND", "Segment not found");
  const rows = await db.note.findMany({
    where: {
      userId: viewer.userId,
      courseId: toc.course.id,
      ...(segmentSlug !== undefined ? { segment: { slug: segmentSlug } } : {}),
    },
    select: NOTE_SELECT,
    take: 5000,
  });
  return rows
    .filter((r) => order.has(r.segment.slug))
    .sort((a, b) => order.get(a.segment.slug)! - order.get(b.segment.slug)! || a.atSeconds - b.atSeconds)
    .map(toNote);
}

/** Another person's note is indistinguishable from no note: 404 either way. */
async function ownNote(db: Db, viewer: TUser, id: unknown): Promise<string> {
  const parsed = ZNoteId.safeParse(id);
  if (!parsed.success) throw new AppError("NOT_FOUND", "Note not found");
  const row = await db.note.findFirst({ where: { id: parsed.data, userId: viewer.userId }, select: { id: true } });
  if (!row) throw new AppError("NOT_FOUND", "Note not found");
  return row.id;
}

export async function updateNote(db: Db, viewer: TViewer, id: unknown, body: unknown): Promise<TNote> {
  requireNoteTaker(viewer);
  const noteId = await ownNote(db, viewer, id);
  const { text } = ZNoteUpdate.parse(body);
  return toNote(await db.note.update({ where: { id: noteId }, data: { text }, select: NOTE_SELECT }));
}

export async function deleteNote(db: Db, viewer: TViewer, id: unknown): Promise<void> {
  requireNoteTaker(viewer);
  const noteId = await ownNote(db, viewer, id);
  // Conditional on the owner, so a second delete (another tab) is a clean 404, not a 500.
  const { count } = await db.note.deleteMany({ where: { id: noteId, userId: viewer.userId } });
  if (count === 0) throw new AppError("NOT_FOUND", "Note not found");
}
