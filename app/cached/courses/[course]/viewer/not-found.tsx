import { AdminCourseRecheck } from "@/components/catalog/admin-course-recheck";
import { NotFoundMessage } from "@/components/not-found-message";

// The viewer shell's 404 (a signed-in viewer's course page that the shared render does not
// know): the same page as everywhere, plus the check that loads an admin's own unpublished
// course rendered for them (components/catalog/admin-course-recheck.tsx).
export default function ViewerShellNotFound() {
  return (
    <>
      <NotFoundMessage />
      <AdminCourseRecheck />
    </>
  );
}
