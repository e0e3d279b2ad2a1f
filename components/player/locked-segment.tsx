import Link from "next/link";
import { LockIcon } from "../icons";

type TLockedSegmentProps = {
  courseSlug: string;
  reason: "sign-in-required" | "purchase-required";
  price: string;
};

/** Mirrors the server's decision; the media routes enforce it. */
export function LockedSegment({ courseSlug, reason, price }: TLockedSegmentProps) {
  return (
    <div className="locked" data-testid="locked-segment" role="status">
      <LockIcon className="icon icon--xl" />
      <h2>This segment is part of the full course</h2>
      <p>
        {reason === "sign-in-required"
          ? `Buy the course (${price}) to watch every segment and download DRM-free copies.`
          : `Your account does not include this course yet. Buy it (${price}) to watch every segment.`}
      </p>
      <Link className="button" href={`/courses/${courseSlug}`}>
        See the free preview segments
      </Link>
    </div>
  );
}
