import { notFound } from "../../errors";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import type { TAuthorBio } from "./course-schemas";

/**
 * Saves one author's bio (the course page's "Your instructor", issue 10), audited against the
 * course. A course imported from a folder takes its bios from the manifest again at the next import.
 */
export async function updateAuthorBio(deps: TAdminDeps, input: TAuthorBio): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const author = await tx.courseAuthor.findUnique({ where: { id: input.authorId }, select: { courseId: true, name: true, bio: true } });
    if (!author) throw notFound("Author");
    if (author.bio === input.bio) return;
    await tx.courseAuthor.update({ where: { id: input.authorId }, data: { bio: input.bio }, select: { id: true } });
    await writeAudit(
      tx,
      {
        actor: deps.actor,
        action: "course.author-bio",
        targetType: "course",
        targetId: author.courseId,
        before: { author: author.name, bio: author.bio },
        after: { author: author.name, bio: input.bio },
      },
      nowOf(deps),
    );
  });
}
