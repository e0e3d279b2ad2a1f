import { z } from "zod";
import { ZSegmentParams } from "../catalog/route-params";

import { NOTE_MAX_CHARS } from "./note-limits";

export { NOTE_MAX_CHARS, NOTES_PER_COURSE_MAX } from "./note-limits";

const ZNoteText = z
  .string()
  .transform((s) => s.replace(/\r\n?/g, "\n").trim())
  .pipe(
    z
      .string()
      .min(1, { message: "Write something first." })
      .max(NOTE_MAX_CHARS, { message: `A note can be at most ${NOTE_MAX_CHARS} characters.` })
      // Control characters other than newline and tab have no place in a note (and bidi
      // overrides can disguise what an export shows).
      .refine((s) => !/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(s), {
        message: "The note contains characters that cannot be shown.",
      }),
  );

export const ZNoteCreate = ZSegmentParams.extend({
  atSeconds: z.number().finite().min(0).max(24 * 3600),
  text: ZNoteText,
});
export type TNoteCreate = z.infer<typeof ZNoteCreate>;

export const ZNoteUpdate = z.strictObject({ text: ZNoteText });

/** Note ids are cuids: anything else is not a note of anyone's. */
export const ZNoteId = z.string().regex(/^[a-z0-9]{20,32}$/, { message: "Unknown note." });

export const ZNotesQuery = ZSegmentParams.partial({ segment: true });

/** What the API and pages show of a note. */
export type TNote = { id: string; segment: string; atSeconds: number; text: string; createdAt: string; updatedAt: string };
