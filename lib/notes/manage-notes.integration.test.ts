import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../db";
import { httpStatusOf as status } from "../../tests/support/http-status-of";
import { createTestDatabase } from "../../tests/support/test-db";
import { importSampleCourse } from "../../tests/support/import-sample-course";
import { ANONYMOUS, type TViewer } from "../access/viewer";
import { addNote, deleteNote, listNotes, updateNote } from "./manage-notes";

// Notes are private to their author and follow the one access decision: written for segments
// the viewer may watch, read and changed only by their author (anyone else gets a 404).

const COURSE = "enterprise-software-with-python";
let db: Db;
let cleanup: () => Promise<void>;
const ada: TViewer = { kind: "user", userId: "ada", role: "learner" };
const bob: TViewer = { kind: "user", userId: "bob", role: "learner" };

beforeAll(async () => {
  ({ db, cleanup } = await createTestDatabase());
  await importSampleCourse(db, COURSE);
  for (const id of ["ada", "bob"]) await db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
}, 120_000);

afterAll(async () => {
  await cleanup?.();
});

describe("notes", () => {
  it("adds a note at a moment of a free segment and lists it in course order", async () => {
    const later = await addNote(db, ada, { course: COURSE, segment: "what-is-python", atSeconds: 7, text: "  Python is glue  " });
    const first = await addNote(db, ada, { course: COURSE, segment: "overview", atSeconds: 3.5, text: "line one\r\nline two" });
    expect(later).toMatchObject({ segment: "what-is-python", atSeconds: 7, text: "Python is glue" });
    expect(first.text).toBe("line one\nline two");
    expect((await listNotes(db, ada, COURSE)).map((n) => n.id)).toEqual([first.id, later.id]);
    expect((await listNotes(db, ada, COURSE, "overview")).map((n) => n.id)).toEqual([first.id]);
  });

  it("is private: another learner sees none, and can neither change nor delete it (404)", async () => {
    const [note] = await listNotes(db, ada, COURSE, "overview");
    expect(await listNotes(db, bob, COURSE)).toEqual([]);
    expect(await status(() => updateNote(db, bob, note!.id, { text: "mine now" }))).toBe(404);
    expect(await status(() => deleteNote(db, bob, note!.id))).toBe(404);
    expect((await listNotes(db, ada, COURSE, "overview"))[0]!.text).toBe("line one\nline two");
  });

  it("follows the access decision: anonymous 401, a locked segment 403, an unknown one 404", async () => {
    expect(await status(() => addNote(db, ANONYMOUS, { course: COURSE, segment: "overview", atSeconds: 1, text: "x" }))).toBe(401);
    expect(await status(() => listNotes(db, ANONYMOUS, COURSE))).toBe(401);
    expect(await status(() => addNote(db, ada, { course: COURSE, segment: "security", atSeconds: 1, text: "x" }))).toBe(403);
    expect(await status(() => addNote(db, ada, { course: COURSE, segment: "no-such-segment", atSeconds: 1, text: "x" }))).toBe(404);
    expect(await status(() => listNotes(db, ada, COURSE, "no-such-segment"))).toBe(404);
  });

  it("refuses bad input with 400: empty, too long, control characters, a time past the end", async () => {
    const base = { course: COURSE, segment: "overview", atSeconds: 1 };
    for (const text of ["", "   ", "x".repeat(2001), "bad\u0000byte", "swap \u202e order"]) {
      expect(await status(() => addNote(db, ada, { ...base, text })), JSON.stringify(text.slice(0, 12))).toBe(400);
    }
    expect(await status(() => addNote(db, ada, { ...base, atSeconds: -1, text: "x" }))).toBe(400);
    expect(await status(() => addNote(db, ada, { ...base, atSeconds: 10_000, text: "x" }))).toBe(400);
    expect(await status(() => addNote(db, ada, { ...base, text: 42 }))).toBe(400);
    expect(await status(() => updateNote(db, ada, "../../etc", { text: "x" }))).toBe(404);
  });

  it("edits and deletes; a second delete (another tab) is a 404, not a 500", async () => {
    const note = await addNote(db, ada, { course: COURSE, segment: "overview", atSeconds: 2, text: "draft" });
    expect((await updateNote(db, ada, note.id, { text: "final" })).text).toBe("final");
    await deleteNote(db, ada, note.id);
    expect(await status(() => deleteNote(db, ada, note.id))).toBe(404);
  });
});
