import fs from "node:fs";

/**
 * Sends `signal` to this process's own ffmpeg/ffprobe children (Linux /proc). The pipeline
 * spawns them without handing out the child (lib/ingest/run-ffmpeg.ts); a worker told to stop
 * must not leave an encode running that nobody waits for. Only direct children with those
 * names: nothing else is touched. Returns how many were signalled.
 */
export function killMediaChildren(signal: NodeJS.Signals = "SIGTERM"): number {
  let entries: string[];
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return 0; // not Linux: the children end with their input when the worker exits
  }
  let killed = 0;
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
    try {
      process.kill(Number(entry), signal);
      killed++;
    } catch {
      // ended meanwhile
    }
  }
  return killed;
}
