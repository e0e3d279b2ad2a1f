import { authorId } from "../../ingest/stable-id";
import { nowOf, type TAdminDeps } from "../admin-deps";
import { writeAudit } from "../write-audit";
import type { TCourseDetails } from "./course-schemas";
import { courseSnapshot } from "./course-snapshot";

/** Saves title, subtitle, description, authors (in the given order), the landing page's lists, price, currency and free-preview parts. */
export async function updateCourseDetails(deps: TAdminDeps, input: TCourseDetails): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    const before = await courseSnapshot(tx, input.courseId);
    await tx.course.update({
      where: { id: input.courseId },
      data: {
        title: input.title,
        subtitle: input.subtitle,
        description: input.description,
        priceCents: input.price,
        currency: input.currency,
        freePreviewParts: input.freePreviewParts,
        ...(input.outcomes === undefined ? {} : { outcomes: input.outcomes }),
        ...(input.requirements === undefined ? {} : { requirements: input.requirements }),
      },
      select: { id: true },
    });
    // Same ids as an import would give (slug + name), so a later import keeps them. An author
    // who stays keeps the bio and portrait the import gave them (the landing page, issue 10).
    const kept = new Map(
      (await tx.courseAuthor.findMany({ where: { courseId: input.courseId }, select: { id: true, bio: true, photoVersion: true } })).map((a) => [a.id, a]),
    );
    await tx.courseAuthor.deleteMany({ where: { courseId: input.courseId } });
    for (const [i, name] of input.authors.entries()) {
      const id = authorId(before.slug, name);
      const { bio = "", photoVersion = null } = kept.get(id) ?? {};
      await tx.courseAuthor.create({
        data: { id, courseId: input.courseId, position: i + 1, name, bio, photoVersion },
        select: { id: true },
      });
    }
    const after = await courseSnapshot(tx, input.courseId);
    await writeAudit(tx, { actor: deps.actor, action: "course.update", targetType: "course", targetId: input.courseId, before, after }, nowOf(deps));
  });
}
