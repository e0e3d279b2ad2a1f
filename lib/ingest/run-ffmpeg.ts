import { spawn, type ChildProcess } from "node:child_process";

/** Every ffmpeg this process is running, so an interrupted import can stop them (scripts/lectern.ts). */
const running = new Set<ChildProcess>();
const observers = new Set<(run: { args: string[]; cwd?: string }) => void>();

/** Sends `signal` to every running ffmpeg; returns how many were signalled. */
export function stopRunningFfmpeg(signal: NodeJS.Signals = "SIGTERM"): number {
  for (const child of running) child.kill(signal);
  return running.size;
}

/** Called with the full argv of each ffmpeg run (the bench re-runs them bare). Returns an unsubscribe. */
export function observeFfmpegRuns(listener: (run: { args: string[]; cwd?: string }) => void): () => void {
  observers.add(listener);
  return () => observers.delete(listener);
}

/** ffmpeg exited with an error; `reason` is the last line of its stderr (one line, for people). */
export class FfmpegError extends Error {
  constructor(
    message: string,
    readonly stderr: string,
    readonly reason: string,
  ) {
    super(message);
    this.name = "FfmpegError";
  }
}

function lastLine(stderr: string): string {
  const lines = stderr.split("\n").map((l) => l.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, "").trim()).filter(Boolean);
  return lines.at(-1) ?? "no error message";
}

export type TRunFfmpegOptions = {
  cwd?: string;
  /** Media seconds this run will write; with it, onProgress gets a 0–1 fraction. */
  durationSeconds?: number;
  onProgress?: (fraction: number) => void;
};

/**
 * Runs ffmpeg with `-progress pipe:1` and rejects with the tail of stderr on failure.
 * `args` are the arguments after the global progress/logging flags added here.
 */
export function runFfmpeg(args: string[], options: TRunFfmpegOptions = {}): Promise<void> {
  const fullArgs = ["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-progress", "pipe:1", "-nostats", ...args];
  return new Promise((resolve, reject) => {
    for (const observe of observers) observe({ args: fullArgs, cwd: options.cwd });
    const child = spawn("ffmpeg", fullArgs, { cwd: options.cwd, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    let stderr = "";
    let pending = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        // out_time_us is in microseconds despite older builds also printing out_time_ms.
        const match = /^out_time_us=(\d+)/.exec(line);
        if (match && options.durationSeconds && options.onProgress) {
          options.onProgress(Math.min(1, Number(match[1]) / 1e6 / options.durationSeconds));
        }
      }
    });
    child.on("error", (error) => {
      running.delete(child);
      reject(
        (error as NodeJS.ErrnoException).code === "ENOENT"
          ? new Error("ffmpeg not found on PATH (run `npm run media`, which installs it, or apt-get install -y ffmpeg)")
          : error,
      );
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      if (code === 0) resolve();
      else {
        reject(
          new FfmpegError(
            `ffmpeg exited with ${signal ?? code}:\n${stderr.trim()}\n  args: ${fullArgs.join(" ")}`,
            stderr,
            signal ? `ffmpeg was stopped by ${signal}` : lastLine(stderr),
          ),
        );
      }
    });
  });
}
