import type { Prisma } from "../../generated/sqlite/client";
import { AppError, notFound } from "../../errors";
import { isUniqueViolation, isWriteConflict } from "../admin-deps";

/**
 * Serialises changes to one course's structure (adding, moving, archiving parts and segments):
 * an UPDATE of the course row holds its row lock until the transaction ends, so a second
 * admin's reorder waits and then reads the order the first one committed, instead of both
 * computing positions from the same snapshot (PostgreSQL; SQLite runs one writer at a time
 * anyway). Call it first in the transaction; it also proves the course exists.
 */
export async function lockCourse(tx: Prisma.TransactionClient, courseId: string, now: Date): Promise<void> {
  const locked = await tx.course.updateMany({ where: { id: courseId }, data: { updatedAt: now } });
  if (locked.count !== 1) throw notFound("Course");
}

/**
 * What a failed change to a course's order throws: a collision with a concurrent one (a
 * position already taken, or a PostgreSQL write conflict) becomes a 409 the admin can act on;
 * any other error stays as it is. Use as `catch (error) { throw reorderError(error); }`.
 */
export function reorderError(error: unknown): unknown {
  if (isUniqueViolation(error) || isWriteConflict(error)) {
    return new AppError("CONFLICT", "The order changed meanwhile. Reload the page and try again.");
  }
  return error;
}
