import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { FONT_FILE, FONT_FILE_BOLD } from "./media-settings";

function has(command: string): boolean {
  return spawnSync(command, ["-version"], { stdio: "ignore" }).status === 0;
}

function aptInstall(packages: string[], log: (line: string) => void): void {
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  const hasApt = spawnSync("apt-get", ["--version"], { stdio: "ignore" }).status === 0;
  if (!isRoot || !hasApt) {
    throw new Error(
      `Missing ${packages.join(" and ")}. Install ${packages.join(" ")} (Debian/Ubuntu: ` +
        `sudo apt-get install -y ${packages.join(" ")}; macOS: brew install ffmpeg) and run again.`,
    );
  }
  log(`Installing ${packages.join(" ")} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...packages], {
    stdio: "inherit",
    env,
  });
  if (update.status !== 0 || install.status !== 0) {
    throw new Error(`apt-get install -y ${packages.join(" ")} failed; install it by hand and run again.`);
  }
}

/**
 * Makes sure ffmpeg, ffprobe and the title-card fonts are present: installs them with apt-get
 * when running as root on Debian (a fresh machine or CI), otherwise fails with what to install.
 */
export function ensureFfmpeg(log: (line: string) => void = console.log): void {
  const missing: string[] = [];
  if (!has("ffmpeg") || !has("ffprobe")) missing.push("ffmpeg");
  if (!fs.existsSync(FONT_FILE) || !fs.existsSync(FONT_FILE_BOLD)) missing.push("fonts-dejavu-core");
  if (missing.length === 0) return;
  aptInstall(missing, log);
  if (!has("ffmpeg") || !has("ffprobe")) throw new Error("ffmpeg is still not on PATH after installing it.");
}
