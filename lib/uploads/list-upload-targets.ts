import type { Db } from "../db";

export type TUploadTarget = {
  segmentId: string;
  courseId: string;
  courseTitle: string;
  partTitle: string;
  /** "2.3 Title" */
  label: string;
  hasMedia: boolean;
};

/** Every segment an upload may go to (archived ones left out), in course → part → segment order. */
export async function listUploadTargets(db: Db): Promise<TUploadTarget[]> {
  const courses = await db.course.findMany({
    orderBy: [{ catalogPosition: "asc" }, { title: "asc" }],
    select: {
      id: true,
      title: true,
      parts: {
        orderBy: { position: "asc" },
        select: {
          position: true,
          title: true,
          segments: {
            where: { archivedAt: null },
            orderBy: { position: "asc" },
            select: { id: true, position: true, title: true, _count: { select: { assets: { where: { kind: "hls-master" } } } } },
          },
        },
      },
    },
  });
  return courses.flatMap((course) =>
    course.parts.flatMap((part) =>
      part.segments.map((segment) => ({
        segmentId: segment.id,
        courseId: course.id,
        courseTitle: course.title,
        partTitle: part.title,
        label: `${part.position}.${segment.position} ${segment.title}`,
        hasMedia: segment._count.assets > 0,
      })),
    ),
  );
}
