import type { TCourseLanding } from "@/lib/catalog/get-course-landing";
import { CheckIcon } from "@/components/icons";

/** "What you'll learn": the manifest's outcomes as a checklist (issue 10). */
export function CourseOutcomes({ outcomes }: { outcomes: string[] }) {
  if (outcomes.length === 0) return null;
  return (
    <section className="landing-box course-outcomes" aria-labelledby="outcomes-heading" data-testid="course-outcomes">
      <h2 id="outcomes-heading">What you&apos;ll learn</h2>
      <ul className="course-outcomes__list">
        {outcomes.map((item, i) => (
          <li key={i}>
            <CheckIcon className="icon icon--done" /> <span>{item}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function CourseRequirements({ requirements }: { requirements: string[] }) {
  if (requirements.length === 0) return null;
  return (
    <section className="course-requirements" aria-labelledby="requirements-heading" data-testid="course-requirements">
      <h2 id="requirements-heading">Requirements</h2>
      <ul>
        {requirements.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </section>
  );
}

/** Authors with a bio, each with their portrait (an imported photo or generated initials). */
export function CourseInstructors({ instructors }: { instructors: TCourseLanding["instructors"] }) {
  const shown = instructors.filter((i) => i.bio);
  if (shown.length === 0) return null;
  return (
    <section className="course-instructors" aria-labelledby="instructors-heading" data-testid="course-instructors">
      <h2 id="instructors-heading">{shown.length === 1 ? "Your instructor" : "Your instructors"}</h2>
      {shown.map((person) => (
        <div className="instructor" key={person.name}>
          {person.photo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a versioned image route, cached for good
            <img
              className="instructor__photo"
              src={person.photo.url}
              width={person.photo.width}
              height={person.photo.height}
              alt={`Portrait of ${person.name}`}
              loading="lazy"
              data-testid="instructor-photo"
            />
          ) : null}
          <div>
            <h3 className="instructor__name">{person.name}</h3>
            {person.bio.split(/\n{2,}/).map((para, i) => (
              <p key={i} className="instructor__bio">
                {para}
              </p>
            ))}
          </div>
        </div>
      ))}
    </section>
  );
}
