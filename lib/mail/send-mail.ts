import type { Db } from "../db";
import type { TEnv } from "../env";
import { deliverAfterResponse } from "./deliver-after-response";
import { enqueueMail, type TMailMessage } from "./enqueue-mail";

export { ZMailMessage, type TMailMessage } from "./enqueue-mail";

/**
 * Mail that no Lectern transaction causes (Better Auth's verification, reset and
 * existing-address mail): queued in the outbox right away — one fast insert — and sent after
 * the response. Mail that a Lectern change causes is queued with `enqueueMail` inside that
 * change's transaction instead. See docs/decisions/010-mail-outbox.md.
 */
export async function sendMail(
  deps: { db: Db; env: Pick<TEnv, "SMTP_URL" | "MAIL_FROM"> },
  message: TMailMessage,
): Promise<{ id: string; status: "pending" | "kept" }> {
  const queued = await enqueueMail(deps.db, deps.env, message);
  deliverAfterResponse(deps);
  return queued;
}
