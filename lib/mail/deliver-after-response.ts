import { after } from "next/server";
import { deliverOutbox, type TDeliverDeps } from "./deliver-outbox";

/**
 * Sends just-queued mail as soon as the current response is finished (Next's `after()`), so
 * a verification or receipt mail leaves within seconds and the request never waits on SMTP.
 * Outside a request (a script, a test, a webhook replay tool) there is no `after()`; the
 * delivery loop (start-outbox-delivery.ts) sends the message on its next round instead.
 */
export function deliverAfterResponse(deps: TDeliverDeps): void {
  if (!deps.env.SMTP_URL) return;
  try {
    after(async () => {
      try {
        await deliverOutbox(deps);
      } catch (error) {
        console.error("Outbox delivery after the response failed (the delivery loop retries):", error);
      }
    });
  } catch {
    // `after` was called outside a request scope: the loop delivers it.
  }
}
