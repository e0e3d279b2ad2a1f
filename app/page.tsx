import { db } from "@/lib/db.server";
import { listCourses } from "@/lib/catalog/list-courses";
import { CourseCard } from "@/components/catalog/course-card";

export const dynamic = "force-dynamic";

export default async function CatalogPage() {
  const courses = await listCourses(db);
  return (
    <div className="page">
      <section className="hero">
        <h1>Courses</h1>
        <p className="hero__lead">Watch the free previews without an account. Buy once, stream and download forever.</p>
      </section>
      {courses.length === 0 ? (
        <p className="empty">No courses yet. Import one with <code>npx prisma db seed</code>.</p>
      ) : (
        <div className="course-grid">
          {courses.map((c) => (
            <CourseCard key={c.slug} course={c} />
          ))}
        </div>
      )}
    </div>
  );
}
