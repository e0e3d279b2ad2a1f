import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { z } from "zod";
import { audioCodecString, avcCodecString, parseFfprobeHexDump } from "./hls-codec-string";

const execFileAsync = promisify(execFile);

const ZFfprobeStream = z.looseObject({
  codec_type: z.string(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  extradata: z.string().optional(),
});
const ZFfprobeOutput = z.object({
  streams: z.array(ZFfprobeStream).default([]),
  format: z.looseObject({ duration: z.string().optional(), bit_rate: z.string().optional() }),
});

export type TProbedMedia = {
  durationSeconds: number;
  bitRate?: number;
  video?: { codec: string; width: number; height: number; frameRate?: number; codecs?: string };
  audio?: { codec: string; codecs?: string };
};

function frameRate(ratio: string | undefined): number | undefined {
  const [num, den] = (ratio ?? "").split("/").map(Number);
  return num && den ? Math.round((num / den) * 1000) / 1000 : undefined;
}

/** ffprobe facts about one media file: duration, size, codecs (as HLS CODECS strings). */
export async function probeMedia(file: string): Promise<TProbedMedia> {
  let stdout: string;
  try {
    ({ stdout } = await execFileAsync(
      "ffprobe",
      ["-v", "error", "-show_format", "-show_streams", "-show_data", "-of", "json", file],
      { maxBuffer: 64 * 1024 * 1024 },
    ));
  } catch (error) {
    throw new Error(`ffprobe could not read ${file}: ${(error as Error).message}`);
  }
  const probe = ZFfprobeOutput.parse(JSON.parse(stdout));
  const video = probe.streams.find((s) => s.codec_type === "video");
  const audio = probe.streams.find((s) => s.codec_type === "audio");
  const durationSeconds = Number(probe.format.duration);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
    throw new Error(`ffprobe found no duration in ${file}`);
  }
  return {
    durationSeconds,
    bitRate: probe.format.bit_rate ? Number(probe.format.bit_rate) : undefined,
    video: video && {
      codec: video.codec_name ?? "unknown",
      width: video.width ?? 0,
      height: video.height ?? 0,
      frameRate: frameRate(video.avg_frame_rate),
      codecs: video.codec_name === "h264" && video.extradata
        ? avcCodecString(parseFfprobeHexDump(video.extradata))
        : undefined,
    },
    audio: audio && {
      codec: audio.codec_name ?? "unknown",
      codecs: audioCodecString(audio.codec_name ?? "", audio.profile),
    },
  };
}
