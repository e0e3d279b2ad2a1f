import { execFile } from "node:child_process";
import fs from "node:fs";

/** Can ffmpeg use `file` as a cover or portrait (ensure-course-images.ts)? A reason for people when not. */
export async function inspectImage(file: string): Promise<{ ok: true } | { ok: false; reason: string }> {
  if (!fs.existsSync(file)) return { ok: false, reason: "file not found" };
  return new Promise((resolve) => {
    execFile(
      "ffprobe",
      ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=width,height", "-of", "csv=p=0", file],
      { timeout: 30_000 },
      (error, stdout, stderr) => {
        const [width, height] = String(stdout).trim().split(",").map(Number);
        if (!error && width! > 0 && height! > 0) return resolve({ ok: true });
        const said = String(stderr).trim().split("\n").at(-1)?.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, "").replace(/^\/.*?: /, "");
        resolve({ ok: false, reason: `not an image ffmpeg can read${said ? ` (${said})` : ""}` });
      },
    );
  });
}
