import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { AppError } from "../errors";
import { FONT_FILE, FONT_FILE_BOLD } from "./media-settings";

/** The command that installs what media generation needs; `npm run media`, quickstart and npm test run it first. */
export const MEDIA_TOOLS_INSTALL =
  "scripts/ensure-packages.sh ffmpeg:ffmpeg ffprobe:ffmpeg /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core";

function has(command: string): boolean {
  return spawnSync(command, ["-version"], { stdio: "ignore" }).status === 0;
}

/**
 * Fails with what to install when ffmpeg, ffprobe or the title-card fonts are missing.
 * Library code never installs system packages (issue 8): the project's scripts do, before
 * they call this code, so a missing package is a loud error, not an apt run from a seed.
 */
export function requireMediaTools(): void {
  const missing: string[] = [];
  if (!has("ffmpeg") || !has("ffprobe")) missing.push("ffmpeg");
  if (!fs.existsSync(FONT_FILE) || !fs.existsSync(FONT_FILE_BOLD)) missing.push("fonts-dejavu-core");
  if (missing.length === 0) return;
  throw new AppError(
    "UNAVAILABLE",
    `Missing ${missing.join(" and ")}: run ${MEDIA_TOOLS_INSTALL} (or apt-get install -y ${missing.join(" ")}; macOS: brew install ffmpeg) and try again.`,
  );
}
