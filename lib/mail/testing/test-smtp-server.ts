import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type TSmtpMode = "accept" | "refuse" | "reject" | "stall";
export type TReceivedMail = { to: string[]; subject: string; messageId: string };

/**
 * A real SMTP server on 127.0.0.1 (a free port) for integration tests. Its mode can change
 * between sends: "accept" stores each message; "refuse" answers RCPT TO with 451 (try again
 * later); "reject" with 550 (never); "stall" accepts the TCP connection and never greets.
 */
export async function startTestSmtpServer(initial: TSmtpMode = "accept") {
  let mode = initial;
  let connections = 0;
  const received: TReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    closeTimeout: 100,
    onConnect(_session, callback) {
      connections++;
      if (mode !== "stall") callback();
    },
    onRcptTo(_address, _session, callback) {
      if (mode === "refuse" || mode === "reject") {
        const error = Object.assign(new Error(mode === "refuse" ? "Mailbox busy, try again later" : "No such user"), {
          responseCode: mode === "refuse" ? 451 : 550,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const header = (name: string) => raw.match(new RegExp(`^${name}: *(.*)$`, "im"))?.[1]?.trim() ?? "";
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: header("Subject"), messageId: header("Message-ID") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    get connections() {
      return connections;
    },
    setMode(next: TSmtpMode) {
      mode = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TTestSmtpServer = Awaited<ReturnType<typeof startTestSmtpServer>>;

/** A URL where nothing listens: an SMTP server that is down. */
export async function downSmtpUrl(): Promise<string> {
  const probe = await startTestSmtpServer();
  await probe.close();
  return probe.url;
}
