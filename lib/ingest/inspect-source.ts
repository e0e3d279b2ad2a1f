import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { z } from "zod";

const execFileAsync = promisify(execFile);

/**
 * What the ladder decider (plan-ladder.ts) and the transcode need to know about a source
 * recording, measured with ffprobe. Width/height are the coded frame's, *after* the display
 * rotation ffmpeg applies on decode (a phone clip stored 1920×1080 with rotation 90 is
 * 1080×1920 here); `sar` is the sample (pixel) aspect ratio, 1:1 for square pixels.
 */
export type TSourceFacts = {
  file: string;
  durationSeconds: number;
  /** ffprobe's format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm". */
  container: string;
  video: {
    codec: string;
    width: number;
    height: number;
    sar: { num: number; den: number };
    /** Degrees from the display matrix (0, 90, 180, 270); already applied to width/height. */
    rotation: number;
    /** Average frame rate (frames/s); r_frame_rate differs from it for variable-rate sources. */
    frameRate: number;
    variableFrameRate: boolean;
    pixelFormat: string;
    /** ffprobe field_order tt/bb/tb/bt: interlaced fields, to be de-interlaced. */
    interlaced: boolean;
  };
  audio?: { codec: string; channels: number; sampleRate: number };
};

export type TInspectSourceResult = { ok: true; facts: TSourceFacts } | { ok: false; reason: string };

const ZStream = z.looseObject({
  index: z.number().optional(),
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  sample_aspect_ratio: z.string().optional(),
  pix_fmt: z.string().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  channels: z.number().optional(),
  sample_rate: z.string().optional(),
  nb_frames: z.string().optional(),
  field_order: z.string().optional(),
  disposition: z.looseObject({ attached_pic: z.number().optional() }).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z.array(z.looseObject({ rotation: z.number().optional() })).optional(),
});
const ZProbe = z.object({
  streams: z.array(ZStream).default([]),
  format: z.looseObject({ format_name: z.string().optional(), duration: z.string().optional() }).default({}),
});

function ratio(text: string | undefined): number | undefined {
  const [num, den] = (text ?? "").split(/[/:]/).map(Number);
  return num && den ? num / den : undefined;
}

function parseSar(text: string | undefined): { num: number; den: number } {
  const [num, den] = (text ?? "").split(":").map(Number);
  // "0:1" or "N/A" means unknown: treat pixels as square (what every player does).
  return num && den ? { num, den } : { num: 1, den: 1 };
}

/** The last meaningful line of ffmpeg/ffprobe stderr, without the "[demuxer @ 0x…]" prefix. */
export function ffmpegReason(stderr: string, file: string): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, "").trim())
    .filter(Boolean)
    // "<file>: Invalid data found…" — the file is named by the caller already.
    .map((line) => (line.startsWith(`${file}: `) ? line.slice(file.length + 2) : line));
  const specific = lines.find((line) => !/^Invalid data found when processing input$/i.test(line));
  return (specific ?? lines.at(-1) ?? "unreadable").replace(/\s+/g, " ");
}

/**
 * Decodes the last second of the file (cheap, whatever its length) and fails on the first
 * decoding error: a recording cut short after its index was written (an MP4 with the moov
 * atom first) still probes fine, but its last packets point past the end of the file.
 */
async function decodeTail(file: string, durationSeconds: number): Promise<string | undefined> {
  const from = Math.max(0, durationSeconds - 1);
  try {
    await execFileAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-xerror", "-ss", from.toFixed(3), "-i", file, "-map", "0:v:0", "-f", "null", "-"], {
      maxBuffer: 4 * 1024 * 1024,
    });
    return undefined;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? "");
    return `cannot be decoded to its end, the file looks truncated (${ffmpegReason(stderr, file)})`;
  }
}

/**
 * Can this file be a segment's source? ok with its facts, or a one-line reason (no stack
 * trace) naming what is wrong: missing, unreadable by ffmpeg, no video stream, truncated.
 * The import CLI validates every source with this before encoding anything; the transcode
 * calls it too (ensure-segment-media.ts).
 */
export async function inspectSource(file: string): Promise<TInspectSourceResult> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return { ok: false, reason: "file not found" };
  }
  if (!stat.isFile()) return { ok: false, reason: "not a file" };
  if (stat.size === 0) return { ok: false, reason: "the file is empty" };

  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(
      "ffprobe",
      ["-v", "error", "-show_format", "-show_streams", "-of", "json", file],
      { maxBuffer: 16 * 1024 * 1024 },
    ));
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === "ENOENT") return { ok: false, reason: "ffprobe is not installed (apt-get install -y ffmpeg)" };
    return { ok: false, reason: `ffmpeg cannot read it: ${ffmpegReason(String(failure.stderr ?? ""), file)}` };
  }
  const parsed = ZProbe.safeParse(JSON.parse(stdout || "{}"));
  if (!parsed.success) return { ok: false, reason: "ffprobe returned an unexpected answer" };
  const { streams, format } = parsed.data;

  // Cover art in an audio file is a "video" stream too; it is not a recording.
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === "audio");
  if (!video) {
    return { ok: false, reason: audio ? "has no video stream (audio only)" : "has no video stream" };
  }
  if (/^image2|_pipe$/.test(format.format_name ?? "") || video.nb_frames === "1") {
    return { ok: false, reason: "is a still image, not a video" };
  }
  if (!video.width || !video.height) return { ok: false, reason: "its video stream has no frame size" };
  const durationSeconds = Number(format.duration);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
    return { ok: false, reason: "ffprobe found no duration (is the file complete?)" };
  }
  const truncated = await decodeTail(file, durationSeconds);
  if (truncated) return { ok: false, reason: truncated };

  const rotationRaw = video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0);
  const rotation = ((Math.round(rotationRaw / 90) * 90) % 360 + 360) % 360;
  const sideways = rotation === 90 || rotation === 270;
  const avg = ratio(video.avg_frame_rate);
  const nominal = ratio(video.r_frame_rate);
  const frameRate = avg ?? nominal ?? 30;
  return {
    ok: true,
    facts: {
      file: path.resolve(file),
      durationSeconds,
      container: format.format_name ?? "unknown",
      video: {
        codec: video.codec_name ?? "unknown",
        width: sideways ? video.height : video.width,
        height: sideways ? video.width : video.height,
        sar: sideways ? swap(parseSar(video.sample_aspect_ratio)) : parseSar(video.sample_aspect_ratio),
        rotation,
        frameRate,
        variableFrameRate: avg !== undefined && nominal !== undefined && Math.abs(avg - nominal) > 0.01,
        pixelFormat: video.pix_fmt ?? "unknown",
        interlaced: ["tt", "bb", "tb", "bt"].includes(video.field_order ?? ""),
      },
      audio: audio && {
        codec: audio.codec_name ?? "unknown",
        channels: audio.channels ?? 2,
        sampleRate: Number(audio.sample_rate ?? 48_000),
      },
    },
  };
}

function swap(sar: { num: number; den: number }): { num: number; den: number } {
  return { num: sar.den, den: sar.num };
}

/** A source that cannot be used: its message is one line, `<file>: <reason>`. */
export class SourceError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = "SourceError";
  }
}

/** inspectSource, throwing a SourceError instead of returning the reason. */
export async function requireSource(file: string): Promise<TSourceFacts> {
  const result = await inspectSource(file);
  if (!result.ok) throw new SourceError(file, result.reason);
  return result.facts;
}

/** Captions beside a source with malformed cues: one line per problem, `<file>:<line>: <message>`. */
export class CaptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
    this.name = "CaptionsError";
  }
}
