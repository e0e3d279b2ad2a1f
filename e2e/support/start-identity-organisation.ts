import { spawn } from "node:child_process";
import path from "node:path";

export type TIdentityOrganisation = {
  /** What the provider printed: {issuer} for OpenID, {entityId, ssoUrl} for SAML. */
  info: Record<string, string>;
  stop(): void;
};

/**
 * Starts e2e/support/identity-organisation.ts (an organisation with a licence of the course and its
 * REAL identity provider, registered for it) and waits for the line it prints once ready.
 */
export async function startIdentityOrganisation(
  protocol: "oidc" | "saml",
  options: { appUrl: string; idpPort: number; slug: string; domain: string; courseSlug: string },
): Promise<TIdentityOrganisation> {
  const args = [options.appUrl, String(options.idpPort), options.slug, options.domain, options.courseSlug];
  const child = spawn(path.resolve("node_modules/.bin/tsx"), [path.resolve("e2e/support/identity-organisation.ts"), protocol, ...args], {
    env: process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      output += d.toString();
      const line = output.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve(JSON.parse(line) as Record<string, string>);
    });
    child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
    child.once("exit", (code) => reject(new Error(`identity-organisation ${protocol} exited (${code}):\n${output}`)));
  });
  return { info, stop: () => void child.kill("SIGTERM") };
}
