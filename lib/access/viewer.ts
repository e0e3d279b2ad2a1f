/** Who is asking. Accounts arrive with the paywall work; until then everyone is anonymous. */
export type TViewer = { kind: "anonymous" } | { kind: "user"; userId: string; role: "learner" | "admin" };

export const ANONYMOUS: TViewer = { kind: "anonymous" };
