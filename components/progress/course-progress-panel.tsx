import Link from "next/link";
import type { TCourseProgress } from "@/lib/progress/course-progress";
import { formatClock } from "@/lib/player/format-clock";

/** Course page: "Continue: <segment> at 12:34" and how much of the course is watched. */
export function CourseProgressPanel({
  courseSlug,
  progress,
  showContinue = true,
}: {
  courseSlug: string;
  progress: TCourseProgress;
  /** False when the buy-box already offers Continue (owners). */
  showContinue?: boolean;
}) {
  const { resume, completedCount, segmentCount, fraction } = progress;
  const percent = Math.round(fraction * 100);
  if (!resume && completedCount === 0) return null;
  const at = resume && resume.positionSeconds >= 1 ? Math.floor(resume.positionSeconds) : 0;
  return (
    <section className="course-progress" aria-label="Your progress" data-testid="course-progress">
      {resume && showContinue ? (
        <Link
          className="button button--primary course-progress__continue"
          href={`/courses/${courseSlug}/${resume.segment.slug}${at > 0 ? `?t=${at}` : ""}`}
          data-testid="continue-link"
        >
          Continue: {resume.segment.number} {resume.segment.title}
          {at > 0 ? ` at ${formatClock(at)}` : ""}
        </Link>
      ) : null}
      <div className="course-progress__meter">
        <progress id={`progress-${courseSlug}`} max={100} value={percent} aria-label="Course watched" />
        <span className="course-progress__text">
          {completedCount} of {segmentCount} segments watched ({percent} %)
        </span>
      </div>
    </section>
  );
}
