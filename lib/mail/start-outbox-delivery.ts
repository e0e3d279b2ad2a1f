import { createDb } from "../db";
import type { TEnv } from "../env";
import { deliverOutbox } from "./deliver-outbox";
import { startDeliveryLoop, type TDeliveryLoop } from "./delivery-loop";

/** Due mail is looked for this often: retries happen on time, and mail queued before a restart goes out. */
export const DELIVERY_INTERVAL_MS = 20_000;

const globalForLoop = globalThis as unknown as { lecternOutboxLoop?: TDeliveryLoop };

/**
 * Starts this server process's outbox delivery loop (called once from instrumentation.ts);
 * none without SMTP_URL, where the outbox is the delivery. It has a database client of its own:
 * instrumentation runs before, and apart from, the app's module graph (lib/db.server.ts).
 */
export function startOutboxDelivery(env: Pick<TEnv, "SMTP_URL" | "MAIL_FROM" | "DATABASE_URL">): TDeliveryLoop | undefined {
  if (!env.SMTP_URL) return undefined;
  // A second register() in the same process (dev server reloads) must not start a second loop.
  if (globalForLoop.lecternOutboxLoop) return globalForLoop.lecternOutboxLoop;
  const db = createDb(env.DATABASE_URL);
  const loop = startDeliveryLoop(() => deliverOutbox({ db, env }), { intervalMs: DELIVERY_INTERVAL_MS });
  const handle: TDeliveryLoop = {
    async stop() {
      await loop.stop();
      await db.$disconnect();
      globalForLoop.lecternOutboxLoop = undefined;
    },
  };
  globalForLoop.lecternOutboxLoop = handle;
  return handle;
}
