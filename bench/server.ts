import fs from "node:fs";
import { startNext } from "../deploy/local/start-next";

export type TRunningServer = { baseUrl: string; stop(): Promise<void> };

/** Starts the production build (`next start`) and waits until /api/health answers. */
export async function startAppServer(port: number, env: Record<string, string>): Promise<TRunningServer> {
  if (!fs.existsSync(".next/BUILD_ID")) {
    throw new Error("No production build: run `npx next build` (or `npm run quickstart`) first.");
  }
  const app = await startNext({ name: "bench app", port, env });
  return { baseUrl: app.baseURL, stop: () => app.stop() };
}
