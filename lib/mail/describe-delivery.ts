const utc = (date: Date) => `${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;

/** One line on where a message stands, for /dev/outbox. */
export function describeDelivery(message: {
  status: string;
  attempts: number;
  nextAttemptAt: Date;
  sentAt: Date | null;
}): string {
  const tries = `${message.attempts} ${message.attempts === 1 ? "attempt" : "attempts"}`;
  switch (message.status) {
    case "kept":
      return "kept here (no SMTP_URL)";
    case "sent":
      return message.sentAt ? `sent ${utc(message.sentAt)} after ${tries}` : `sent after ${tries}`;
    case "failed":
      return `failed after ${tries}: not sent`;
    default:
      return message.attempts === 0
        ? "queued for sending"
        : `queued: ${tries} failed so far, next try ${utc(message.nextAttemptAt)}`;
  }
}
