import nodemailer, { type Transporter } from "nodemailer";

const transports = new Map<string, Transporter>();

/**
 * Bounds on one SMTP conversation. They keep a hung server from holding a message past its
 * lease (deliver-outbox.ts LEASE_MS): were the lease to lapse mid-send, another sender could
 * send the message a second time.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** One nodemailer transport per SMTP_URL and process (it holds no connection between sends). */
export function smtpTransport(url: string): Transporter {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS });
    transports.set(url, transport);
  }
  return transport;
}
