import Link from "next/link";
import { ActionForm, FieldError, SubmitButton } from "@/components/admin/action-form";
import type { TAdminCourse } from "@/lib/admin/courses/load-admin-course";
import { formatDuration } from "@/lib/catalog/format-duration";
import { addSegmentAction, archiveSegmentAction, movePartAction, moveSegmentAction, renamePartAction, renameSegmentAction } from "../actions";

/**
 * The parts in order, each with its segments and the controls to arrange them: move up/down
 * buttons (keyboard- and screen-reader-usable; each names its segment), move to another part,
 * rename, archive, and a form to add a segment at the end of the part.
 */
export function CourseStructure({ course }: { course: TAdminCourse }) {
  if (course.parts.length === 0) return <p className="muted">No parts yet: add the first one below.</p>;
  return (
    <ol className="admin-parts">
      {course.parts.map((part) => (
        <li key={part.id} className="admin-part" data-testid="admin-part">
          <div className="admin-part__head">
            <h3>
              Part {part.position}: {part.title}
              {part.position <= course.freePreviewParts ? <span className="badge badge--free">Free preview</span> : null}
            </h3>
            {course.parts.length > 1 ? (
              <ActionForm action={movePartAction} className="admin-move" label={`Move part ${part.title}`}>
                <input type="hidden" name="partId" value={part.id} />
                <SubmitButton name="direction" value="up" className="button button--small" ariaLabel={`Move part ${part.title} up`} title="Move part up">
                  ↑
                </SubmitButton>
                <SubmitButton
                  name="direction"
                  value="down"
                  className="button button--small"
                  ariaLabel={`Move part ${part.title} down`}
                  title="Move part down"
                >
                  ↓
                </SubmitButton>
              </ActionForm>
            ) : null}
            <details className="admin-details">
              <summary>Rename part</summary>
              <ActionForm action={renamePartAction} className="admin-inline-form" label={`Rename part ${part.title}`}>
                <input type="hidden" name="partId" value={part.id} />
                <label>
                  Part title
                  <input className="field-input" name="title" defaultValue={part.title} required maxLength={200} />
                  <FieldError name="title" />
                </label>
                <SubmitButton>Rename</SubmitButton>
              </ActionForm>
            </details>
          </div>
          {part.segments.length === 0 ? <p className="muted">No segments in this part yet.</p> : null}
          <ol className="admin-segments">
            {part.segments.map((segment) => (
              <li key={segment.id} className="admin-segment" data-testid="admin-segment" data-slug={segment.slug}>
                <div className="admin-segment__main">
                  <span className="admin-segment__title">
                    {segment.position}. {segment.title}
                  </span>
                  <span className="muted small">
                    {segment.slug}
                    {segment.hasMedia ? ` · ${formatDuration(segment.durationSeconds)}` : null}
                  </span>
                  {segment.hasMedia ? (
                    <Link className="small" href={`/admin/uploads?segment=${segment.id}`} prefetch={false}>
                      Upload a new video or captions
                    </Link>
                  ) : (
                    <span className="badge badge--warn">
                      No media yet{segment.latestJob ? ` (job ${segment.latestJob.status})` : ""} —{" "}
                      <Link href={`/admin/uploads?segment=${segment.id}`} prefetch={false}>
                        upload a video
                      </Link>
                    </span>
                  )}
                </div>
                <div className="admin-segment__tools">
                  <ActionForm action={moveSegmentAction} className="admin-move" label={`Move ${segment.title}`}>
                    <input type="hidden" name="segmentId" value={segment.id} />
                    <SubmitButton name="direction" value="up" className="button button--small" ariaLabel={`Move ${segment.title} up`} title="Move up">
                      ↑
                    </SubmitButton>
                    <SubmitButton
                      name="direction"
                      value="down"
                      className="button button--small"
                      ariaLabel={`Move ${segment.title} down`}
                      title="Move down"
                    >
                      ↓
                    </SubmitButton>
                  </ActionForm>
                  {course.parts.length > 1 ? (
                    <ActionForm action={moveSegmentAction} className="admin-move" label={`Move ${segment.title} to another part`}>
                      <input type="hidden" name="segmentId" value={segment.id} />
                      <label className="visually-hidden" htmlFor={`to-${segment.id}`}>
                        Move {segment.title} to part
                      </label>
                      <select id={`to-${segment.id}`} name="toPartId" className="field-input field-input--small" defaultValue="">
                        <option value="" disabled>
                          Move to part…
                        </option>
                        {course.parts
                          .filter((p) => p.id !== part.id)
                          .map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.position}. {p.title}
                            </option>
                          ))}
                      </select>
                      <SubmitButton className="button button--small">Move</SubmitButton>
                      <FieldError name="toPartId" />
                    </ActionForm>
                  ) : null}
                  <details className="admin-details">
                    <summary>Rename</summary>
                    <ActionForm action={renameSegmentAction} label={`Rename ${segment.title}`}>
                      <input type="hidden" name="segmentId" value={segment.id} />
                      <label>
                        Title
                        <input className="field-input" name="title" defaultValue={segment.title} required maxLength={200} />
                        <FieldError name="title" />
                      </label>
                      <label>
                        Subtitle
                        <input className="field-input" name="subtitle" defaultValue={segment.subtitle} maxLength={300} />
                        <FieldError name="subtitle" />
                      </label>
                      <div>
                        <SubmitButton>Save</SubmitButton>
                      </div>
                    </ActionForm>
                  </details>
                  <ActionForm action={archiveSegmentAction} className="admin-move" label={`Archive ${segment.title}`}>
                    <input type="hidden" name="segmentId" value={segment.id} />
                    <SubmitButton className="button button--small button--danger" ariaLabel={`Archive ${segment.title}`}>
                      Archive
                    </SubmitButton>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ol>
          <details className="admin-details">
            <summary>Add a segment to this part</summary>
            <ActionForm action={addSegmentAction} label={`Add a segment to ${part.title}`} resetOnSuccess>
              <input type="hidden" name="partId" value={part.id} />
              <label>
                Segment title
                <input className="field-input" name="title" required maxLength={200} />
                <FieldError name="title" />
              </label>
              <label>
                Slug <span className="hint">its address in the course; lowercase words joined by hyphens</span>
                <input className="field-input" name="slug" required maxLength={100} />
                <FieldError name="slug" />
              </label>
              <div>
                <SubmitButton>Add segment</SubmitButton>
              </div>
            </ActionForm>
          </details>
        </li>
      ))}
    </ol>
  );
}
