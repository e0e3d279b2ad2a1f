import fs from "node:fs";
import path from "node:path";

/** `.overview.tmp-12345`: ensure-segment-media.ts renders a segment there, then renames it into place. */
const WORK_DIR = /^\..+\.tmp-(\d+)$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes the temporary render folders that a killed import (SIGKILL, a crash, a power cut)
 * left in a course's media folder: those of processes that no longer run. They were never
 * visible (dot-names are not slugs, so no media URL resolves to them); this only frees disk.
 * Returns the names removed.
 */
export function removeStaleWorkDirs(courseMediaDir: string, isAlive: (pid: number) => boolean = alive): string[] {
  if (!fs.existsSync(courseMediaDir)) return [];
  const removed: string[] = [];
  for (const entry of fs.readdirSync(courseMediaDir, { withFileTypes: true })) {
    const match = WORK_DIR.exec(entry.name);
    if (!entry.isDirectory() || !match) continue;
    const pid = Number(match[1]);
    if (pid !== process.pid && isAlive(pid)) continue;
    fs.rmSync(path.join(courseMediaDir, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}
