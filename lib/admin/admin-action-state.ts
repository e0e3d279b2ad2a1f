import type { TActionState } from "../http/action-error";

/** What an admin form's action answers: an error (and field messages), or a notice of what it did. */
export type TAdminActionState = TActionState & { notice?: string };
