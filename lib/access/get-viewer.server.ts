import "server-only";
import { ANONYMOUS, type TViewer } from "./viewer";

/**
 * The viewer of the current request. Accounts and sessions arrive with the paywall work
 * (issue 3); until then every request is anonymous.
 */
export async function getViewer(): Promise<TViewer> {
  return ANONYMOUS;
}
