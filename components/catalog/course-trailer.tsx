import Link from "next/link";
import type { TImage } from "@/lib/catalog/get-course-landing";
import type { TPlayback } from "@/lib/media/segment-media-urls";
import type { TMediaExtras } from "@/lib/player/media-extras";
import { TrailerPlayer } from "./trailer-player";

export type TTrailer = {
  playback: TPlayback;
  extras: TMediaExtras;
  href: string;
  number: string;
  title: string;
};

/**
 * The landing page's top image: the first free segment, playable right here, with the course's
 * cover as its poster (issue 10); just the cover when nothing is free to play.
 */
export function CourseTrailer({ trailer, cover, courseTitle }: { trailer: TTrailer | null; cover: TImage | null; courseTitle: string }) {
  if (!trailer) {
    return cover ? (
      // eslint-disable-next-line @next/next/no-img-element -- a versioned image route, cached for good
      <img
        className="course-cover"
        src={cover.url}
        srcSet={cover.srcSet}
        sizes={cover.srcSet ? "(max-width: 960px) calc(100vw - 5rem), 340px" : undefined}
        width={cover.width}
        height={cover.height}
        alt={`Cover: ${courseTitle}`}
        data-testid="course-cover"
      />
    ) : null;
  }
  return (
    <figure className="course-trailer" data-testid="course-trailer">
      <div className="course-trailer__video">
        <TrailerPlayer
          playback={trailer.playback}
          extras={trailer.extras}
          cover={cover}
          courseTitle={courseTitle}
          label={`${trailer.number} ${trailer.title}`}
        />
      </div>
      <figcaption className="course-trailer__caption">
        Free preview: <Link href={trailer.href}>{trailer.number} {trailer.title}</Link>
      </figcaption>
    </figure>
  );
}
