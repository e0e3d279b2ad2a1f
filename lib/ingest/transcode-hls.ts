import fs from "node:fs";
import path from "node:path";
import type { TMediaInput } from "./media-input";
import { FFMPEG_THREADS_PER_JOB } from "./media-settings";
import type { TLadderPlan, TLadderRung } from "./plan-ladder";
import { runFfmpeg } from "./run-ffmpeg";

/** The top rung's encode: the MP4 rendition, the download's bit stream and (remuxed) its HLS variant. */
export const MP4_FILE = "video.mp4";

/**
 * The filtergraph after the input's own: one decode, de-interlaced when the source is
 * interlaced (bwdif, a frame per field), constant frame rate (`fps`, VFR in →
 * CFR out), 8-bit 4:2:0, split into one scaled picture per rung (square pixels, so the
 * sample aspect ratio is applied by the scale); audio downmixed to stereo, loudness-
 * normalised (EBU R128 via loudnorm) and resampled to 48 kHz once, then split.
 */
export function ladderFilter(input: Pick<TMediaInput, "filter" | "durationSeconds">, plan: TLadderPlan): string {
  const labels = plan.rungs.map((r) => r.label);
  const { integratedLufs, truePeakDb, rangeLu } = plan.audio.loudness;
  return [
    input.filter,
    `[src_v]${plan.deinterlace ? "bwdif=mode=send_field," : ""}fps=${plan.frameRate},format=yuv420p,split=${labels.length}${labels.map((l) => `[sv_${l}]`).join("")}`,
    ...plan.rungs.map((r) => `[sv_${r.label}]scale=${r.width}:${r.height}:flags=bicubic,setsar=1[v_${r.label}]`),
    `[src_a]aformat=channel_layouts=stereo,loudnorm=I=${integratedLufs}:TP=${truePeakDb}:LRA=${rangeLu},` +
      `aresample=${plan.audio.sampleRate},apad=whole_dur=${input.durationSeconds.toFixed(3)},` +
      `atrim=end=${input.durationSeconds.toFixed(3)},` +
      `asplit=${labels.length}${labels.map((l) => `[a_${l}]`).join("")}`,
  ].join(";");
}

/**
 * x264 + AAC-LC for one rung. Keyframes are forced at exact multiples of keyframeSeconds
 * (`expr:gte(t,n_forced*2)`: the first frame at or after each instant, so every rung — same
 * frames, same timestamps — switches at the same places, also at 23.976 fps where 2 s is not a
 * whole number of frames); scene-cut keyframes are off and the GOP ceiling is above the
 * forced interval, so no other keyframes appear.
 */
export function rungEncodeArgs(plan: TLadderPlan, r: TLadderRung): string[] {
  const keyint = String(Math.ceil(plan.frameRateValue * plan.keyframeSeconds) * 2);
  return [
    "-c:v", "libx264", "-preset", plan.x264.preset, "-profile:v", plan.x264.profile, "-pix_fmt", "yuv420p",
    "-crf", String(plan.x264.crf), "-maxrate", `${r.maxrateKbps}k`, "-bufsize", `${r.bufsizeKbps}k`,
    "-force_key_frames", `expr:gte(t,n_forced*${plan.keyframeSeconds})`, "-forced-idr", "1",
    "-g", keyint, "-sc_threshold", "0",
    "-threads", String(FFMPEG_THREADS_PER_JOB),
    "-c:a", "aac", "-profile:a", "aac_low", "-b:a", `${r.audioKbps}k`, "-ac", String(plan.audio.channels),
    "-ar", String(plan.audio.sampleRate),
  ];
}

function hlsArgs(plan: TLadderPlan, dir: string): string[] {
  return [
    "-f", "hls", "-hls_time", String(plan.segmentSeconds), "-hls_playlist_type", "vod",
    "-hls_flags", "independent_segments", "-hls_segment_type", "mpegts",
    "-hls_segment_filename", `${dir}/seg_%03d.ts`, `${dir}/index.m3u8`,
  ];
}

/**
 * Encodes `input` once per rung of `input.plan` in a single ffmpeg run (one decode, N
 * encodes): the top rung goes to video.mp4 (+faststart), the others straight to HLS. The top
 * rung's HLS variant is then a stream copy of video.mp4, so it costs no second encode.
 * Writes into `outDir`: video.mp4, <label>/index.m3u8 + seg_NNN.ts, poster.jpg.
 * Returns the plan it encoded.
 */
export async function transcodeHls(
  input: TMediaInput,
  outDir: string,
  onProgress: (fraction: number) => void = () => {},
): Promise<TLadderPlan> {
  const plan = input.plan;
  const outputs: string[] = [];
  for (const r of plan.rungs) {
    outputs.push("-map", `[v_${r.label}]`, "-map", `[a_${r.label}]`, ...rungEncodeArgs(plan, r));
    if (r.label === plan.mp4Label) outputs.push("-movflags", "+faststart", MP4_FILE);
    else {
      fs.mkdirSync(path.join(outDir, r.label), { recursive: true });
      outputs.push(...hlsArgs(plan, r.label));
    }
  }
  await runFfmpeg([...input.inputArgs, "-filter_complex", ladderFilter(input, plan), ...outputs], {
    cwd: outDir,
    durationSeconds: input.durationSeconds,
    onProgress: (f) => onProgress(f * 0.92),
  });

  fs.mkdirSync(path.join(outDir, plan.mp4Label), { recursive: true });
  await runFfmpeg(["-i", MP4_FILE, "-map", "0", "-c", "copy", ...hlsArgs(plan, plan.mp4Label)], { cwd: outDir });
  onProgress(0.97);
  await runFfmpeg(
    ["-ss", String(input.posterSeconds), "-i", MP4_FILE, "-frames:v", "1", "-q:v", "3", "-update", "1", "poster.jpg"],
    { cwd: outDir },
  );
  onProgress(1);
  return plan;
}
