"use server";

import type { TAdminActionState } from "@/lib/admin/admin-action-state";
import { addPart } from "@/lib/admin/courses/add-part";
import { addSegment } from "@/lib/admin/courses/add-segment";
import { archiveSegment } from "@/lib/admin/courses/archive-segment";
import {
  ZAddPart,
  ZAddSegment,
  ZArchiveSegment,
  ZAuthorBio,
  ZCourseDetails,
  ZCreateCourse,
  ZMovePart,
  ZMoveSegment,
  ZRenamePart,
  ZRenameSegment,
  ZSetPublished,
} from "@/lib/admin/courses/course-schemas";
import { createCourse } from "@/lib/admin/courses/create-course";
import { moveSegment } from "@/lib/admin/courses/move-segment";
import { movePart } from "@/lib/admin/courses/move-part";
import { renamePart } from "@/lib/admin/courses/rename-part";
import { renameSegment } from "@/lib/admin/courses/rename-segment";
import { setCoursePublished } from "@/lib/admin/courses/set-course-published";
import { updateCourseDetails } from "@/lib/admin/courses/update-course-details";
import { updateAuthorBio } from "@/lib/admin/courses/update-author-bio";
import { runAdminAction } from "@/lib/admin/run-admin-action.server";

// Every action: admin only, zod-parsed, audited (runAdminAction). Arguments stay `unknown`
// until parsed: a server action is a public endpoint anyone can call with anything.

export async function createCourseAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZCreateCourse, async (deps, input) => {
    const { courseId } = await createCourse(deps, input);
    return { redirectTo: `/admin/courses/${courseId}?created=1` };
  });
}

export async function updateCourseDetailsAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZCourseDetails, async (deps, input) => {
    await updateCourseDetails(deps, input);
    return { notice: "Course details saved." };
  });
}

export async function updateAuthorBioAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZAuthorBio, async (deps, input) => {
    await updateAuthorBio(deps, input);
    return { notice: "Bio saved." };
  });
}

export async function setCoursePublishedAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZSetPublished, async (deps, input) => {
    await setCoursePublished(deps, input);
    return { notice: input.published ? "Published: learners can find the course." : "Unpublished: only admins see the course." };
  });
}

export async function addPartAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZAddPart, async (deps, input) => {
    await addPart(deps, input);
    return { notice: `Part "${input.title}" added.` };
  });
}

export async function renamePartAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZRenamePart, async (deps, input) => {
    await renamePart(deps, input);
    return { notice: "Part renamed." };
  });
}

export async function addSegmentAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZAddSegment, async (deps, input) => {
    await addSegment(deps, input);
    return { notice: `Segment "${input.title}" added. Upload its video under Uploads & jobs.` };
  });
}

export async function renameSegmentAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZRenameSegment, async (deps, input) => {
    await renameSegment(deps, input);
    return { notice: "Segment renamed." };
  });
}

export async function moveSegmentAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZMoveSegment, async (deps, input) => {
    const { changed } = await moveSegment(deps, input);
    return { notice: changed ? "Moved." : "Already there." };
  });
}

export async function movePartAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZMovePart, async (deps, input) => {
    const { changed } = await movePart(deps, input);
    return { notice: changed ? "Part moved." : "Already there." };
  });
}

export async function archiveSegmentAction(_previous: unknown, formData: unknown): Promise<TAdminActionState> {
  return runAdminAction(formData, ZArchiveSegment, async (deps, input) => {
    await archiveSegment(deps, input);
    return { notice: "Archived: hidden from learners, progress kept." };
  });
}
