import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/**
 * Small real recordings for ingest tests, rendered with ffmpeg's lavfi sources (a few
 * seconds each, ultrafast) so a test exercises the same decoders an author's file would.
 */
export type TSourceVideoSpec = {
  width: number;
  height: number;
  seconds: number;
  /** "30", "24000/1001", … */
  rate?: string;
  /** Sample aspect ratio for anamorphic sources, e.g. "16/11". */
  sar?: string;
  audio?: "stereo" | "5.1" | "none";
  codec?: "h264" | "hevc10" | "vp9";
  /** Rotation tag written by a remux (phones store landscape frames plus a rotation). */
  rotate?: number;
};

export function makeSourceVideo(file: string, spec: TSourceVideoSpec): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const rate = spec.rate ?? "30";
  const inputs = ["-f", "lavfi", "-i", `testsrc2=size=${spec.width}x${spec.height}:rate=${rate}:duration=${spec.seconds}`];
  const audio = spec.audio ?? "stereo";
  if (audio !== "none") {
    const layout = audio === "5.1" ? "5.1" : "stereo";
    inputs.push("-f", "lavfi", "-i", `sine=frequency=440:sample_rate=44100:duration=${spec.seconds},aformat=channel_layouts=${layout}`);
  }
  const vf = spec.sar ? ["-vf", `setsar=${spec.sar}`] : [];
  const codec = spec.codec ?? "h264";
  const video =
    codec === "hevc10"
      ? ["-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le", "-x265-params", "log-level=error", "-tag:v", "hvc1"]
      : codec === "vp9"
        ? ["-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-b:v", "300k"]
        : ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"];
  const audioCodec = audio === "none" ? [] : codec === "vp9" ? ["-c:a", "libopus"] : ["-c:a", "aac"];
  const target = spec.rotate ? `${file}.unrotated${path.extname(file)}` : file;
  execFileSync("ffmpeg", ["-v", "error", "-y", ...inputs, ...vf, ...video, ...audioCodec, "-shortest", target]);
  if (spec.rotate) {
    execFileSync("ffmpeg", ["-v", "error", "-y", "-i", target, "-c", "copy", "-metadata:s:v:0", `rotate=${spec.rotate}`, file]);
    fs.rmSync(target);
  }
  return file;
}

/** An audio-only file (no video stream). */
export function makeAudioOnly(file: string, seconds = 2): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  execFileSync("ffmpeg", ["-v", "error", "-y", "-f", "lavfi", "-i", `sine=frequency=440:duration=${seconds}`, "-c:a", "aac", file]);
  return file;
}

/** The first `fraction` of `from`'s bytes: a recording cut short (copied to `file`). */
export function truncateCopy(from: string, file: string, fraction = 0.5): string {
  const bytes = fs.readFileSync(from);
  fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * fraction)));
  return file;
}
