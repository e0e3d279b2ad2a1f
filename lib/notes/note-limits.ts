/** A note is for a person: a few paragraphs, not a document. (No zod here: the player imports it.) */
export const NOTE_MAX_CHARS = 2000;
/** Enough for any learner; a cap so one account cannot fill the database. */
export const NOTES_PER_COURSE_MAX = 1000;
