import nodemailer, { type Transporter } from "nodemailer";
import { z } from "zod";
import type { Db } from "../db";
import type { TEnv } from "../env";

export const ZMailMessage = z.object({
  to: z.email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1),
  html: z.string().optional(),
});
export type TMailMessage = z.infer<typeof ZMailMessage>;

const transports = new Map<string, Transporter>();

/**
 * The one way Lectern sends mail: through SMTP when SMTP_URL is configured, otherwise into
 * the database outbox (the embedded default), readable at /dev/outbox.
 */
export async function sendMail(
  deps: { db: Db; env: Pick<TEnv, "SMTP_URL" | "MAIL_FROM"> },
  message: TMailMessage,
): Promise<{ via: "smtp" | "outbox"; id: string }> {
  const mail = ZMailMessage.parse(message);
  const { SMTP_URL, MAIL_FROM } = deps.env;
  if (SMTP_URL) {
    let transport = transports.get(SMTP_URL);
    if (!transport) {
      transport = nodemailer.createTransport(SMTP_URL);
      transports.set(SMTP_URL, transport);
    }
    const info = await transport.sendMail({ from: MAIL_FROM, ...mail });
    return { via: "smtp", id: String(info.messageId) };
  }
  const row = await deps.db.outboxMessage.create({ data: mail, select: { id: true } });
  return { via: "outbox", id: row.id };
}
