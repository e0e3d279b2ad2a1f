import type { Db } from "../../db";

/** Every course, published or not, for /admin/courses. */
export async function listAdminCourses(db: Db) {
  const courses = await db.course.findMany({
    orderBy: [{ catalogPosition: "asc" }, { title: "asc" }],
    select: {
      id: true,
      slug: true,
      title: true,
      published: true,
      priceCents: true,
      currency: true,
      _count: { select: { segments: { where: { archivedAt: null } }, purchases: { where: { status: "active" } } } },
    },
  });
  return courses.map(({ _count, ...c }) => ({ ...c, segments: _count.segments, activePurchases: _count.purchases }));
}
