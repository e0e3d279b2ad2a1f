import fs from "node:fs";
import path from "node:path";
import type { TMediaInput } from "./media-input";
import {
  AUDIO_SAMPLE_RATE,
  FFMPEG_THREADS_PER_JOB,
  FRAME_RATE,
  HLS_SEGMENT_SECONDS,
  KEYFRAME_SECONDS,
  MP4_RENDITION,
  RENDITIONS,
  X264_PRESET,
  type TRendition,
} from "./media-settings";
import { runFfmpeg } from "./run-ffmpeg";

function encodeArgs(r: TRendition): string[] {
  const gop = String(FRAME_RATE * KEYFRAME_SECONDS);
  return [
    "-c:v", "libx264", "-preset", X264_PRESET, "-profile:v", r.profile, "-pix_fmt", "yuv420p",
    "-crf", String(r.crf), "-maxrate", `${r.maxrateKbps}k`, "-bufsize", `${r.bufsizeKbps}k`,
    // Fixed GOP: a keyframe exactly every KEYFRAME_SECONDS and never at scene cuts, so all
    // renditions switch at the same instants and each HLS segment starts with a keyframe.
    "-g", gop, "-keyint_min", gop, "-sc_threshold", "0",
    "-threads", String(FFMPEG_THREADS_PER_JOB),
    "-c:a", "aac", "-b:a", `${r.audioKbps}k`, "-ac", "2", "-ar", String(AUDIO_SAMPLE_RATE),
  ];
}

function hlsArgs(dir: string): string[] {
  return [
    "-f", "hls", "-hls_time", String(HLS_SEGMENT_SECONDS), "-hls_playlist_type", "vod",
    "-hls_flags", "independent_segments", "-hls_segment_type", "mpegts",
    "-hls_segment_filename", `${dir}/seg_%03d.ts`, `${dir}/index.m3u8`,
  ];
}

/**
 * Encodes `input` once per rendition in a single ffmpeg run (one decode/render, N encodes):
 * the MP4 rendition goes to video.mp4 (+faststart), the others straight to HLS. The MP4
 * rendition's HLS variant is then a stream copy of video.mp4, so it costs no second encode.
 * Writes into `outDir`: video.mp4, <label>/index.m3u8 + seg_NNN.ts, poster.jpg.
 */
export async function transcodeHls(
  input: TMediaInput,
  outDir: string,
  onProgress: (fraction: number) => void = () => {},
): Promise<void> {
  const splits = RENDITIONS.map((r) => r.label);
  const graph = [
    input.filter,
    `[src_v]split=${splits.length}${splits.map((l) => `[sv_${l}]`).join("")}`,
    `[src_a]asplit=${splits.length}${splits.map((l) => `[sa_${l}]`).join("")}`,
    ...RENDITIONS.map((r) =>
      r.width === 1280 && r.height === 720
        ? `[sv_${r.label}]null[v_${r.label}]`
        : `[sv_${r.label}]scale=${r.width}:${r.height}:flags=bicubic[v_${r.label}]`,
    ),
  ].join(";");

  const outputs: string[] = [];
  for (const r of RENDITIONS) {
    outputs.push("-map", `[v_${r.label}]`, "-map", `[sa_${r.label}]`, ...encodeArgs(r));
    if (r.label === MP4_RENDITION) outputs.push("-movflags", "+faststart", "video.mp4");
    else {
      fs.mkdirSync(path.join(outDir, r.label), { recursive: true });
      outputs.push(...hlsArgs(r.label));
    }
  }
  await runFfmpeg([...input.inputArgs, "-filter_complex", graph, ...outputs], {
    cwd: outDir,
    durationSeconds: input.durationSeconds,
    onProgress: (f) => onProgress(f * 0.92),
  });

  fs.mkdirSync(path.join(outDir, MP4_RENDITION), { recursive: true });
  await runFfmpeg(["-i", "video.mp4", "-map", "0", "-c", "copy", ...hlsArgs(MP4_RENDITION)], { cwd: outDir });
  onProgress(0.97);
  await runFfmpeg(
    ["-ss", String(input.posterSeconds), "-i", "video.mp4", "-frames:v", "1", "-q:v", "3", "-update", "1", "poster.jpg"],
    { cwd: outDir },
  );
  onProgress(1);
}
