import fs from "node:fs";

/**
 * This process's own ffmpeg/ffprobe children as the kernel sees them (Linux /proc): a check,
 * independent of the pipeline's own registry, that a stopped worker left no encode running.
 */
export function mediaChildren(): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    throw new Error("mediaChildren() needs Linux /proc");
  }
  const pids: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended meanwhile
    }
    // "<pid> (<comm>) <state> <ppid> …": comm may hold spaces and parentheses, so split at the last ")".
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const ppid = Number(stat.slice(close + 2).split(" ")[1]);
    if (ppid !== process.pid || (comm !== "ffmpeg" && comm !== "ffprobe")) continue;
    if (!stat.slice(close + 2).startsWith("Z")) pids.push(Number(entry)); // a zombie has already ended
  }
  return pids;
}
