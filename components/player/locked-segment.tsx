import Link from "next/link";
import { LockIcon } from "../icons";

type TLockedSegmentProps = {
  reason: "sign-in-required" | "purchase-required";
  price: string;
  /** Checkout, with a campaign link's coupon kept. */
  buyHref: string;
  /** Sign in and come back to this segment (anonymous viewers). */
  signInHref: string;
  /** The first free-preview segment, if the course has one. */
  freeHref: string | null;
  freeSegmentCount: number;
};

/**
 * The offer on a segment the viewer may not watch (the server decided; the media routes
 * enforce it): Buy first, "Already bought it? Sign in" for anonymous visitors, the free
 * segments as the secondary way.
 */
export function LockedSegment({ reason, price, buyHref, signInHref, freeHref, freeSegmentCount }: TLockedSegmentProps) {
  return (
    <div className="locked" data-testid="locked-segment" role="region" aria-labelledby="locked-heading">
      <LockIcon className="icon icon--xl" />
      <h2 id="locked-heading">This segment is part of the full course</h2>
      <p>
        {reason === "sign-in-required"
          ? `Buy the course for ${price} to watch every segment and download DRM-free copies.`
          : `Your account does not include this course yet. Buy it for ${price} to watch every segment and download DRM-free copies.`}
      </p>
      <div className="locked__actions">
        <Link className="button button--primary" href={buyHref} data-testid="locked-buy">
          Buy the course · {price}
        </Link>
        {freeHref ? (
          <Link className="button" href={freeHref} data-testid="locked-free">
            Watch the {freeSegmentCount} free segments
          </Link>
        ) : null}
      </div>
      {reason === "sign-in-required" ? (
        <p className="locked__sign-in">
          Already bought it?{" "}
          <Link href={signInHref} data-testid="locked-sign-in">
            Sign in
          </Link>
        </p>
      ) : null}
    </div>
  );
}
