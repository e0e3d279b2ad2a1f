import type { TMediaInput } from "./media-input";
import { AUDIO_SAMPLE_RATE, FRAME_RATE } from "./media-settings";
import { probeMedia } from "./probe-media";

/**
 * A real recording: letterboxed/pillarboxed into 1280x720 at FRAME_RATE. A file without an
 * audio track gets silence, because every rendition in the ladder carries audio.
 */
export async function buildSourceInput(file: string): Promise<TMediaInput> {
  const probe = await probeMedia(file);
  if (!probe.video) throw new Error(`${file} has no video stream`);
  const duration = probe.durationSeconds;
  const video =
    "[0:v:0]scale=1280:720:force_original_aspect_ratio=decrease,pad=1280:720:(ow-iw)/2:(oh-ih)/2," +
    `setsar=1,fps=${FRAME_RATE},format=yuv420p[src_v]`;
  if (probe.audio) {
    return {
      inputArgs: ["-i", file],
      filter: `${video};[0:a:0]aresample=${AUDIO_SAMPLE_RATE}[src_a]`,
      durationSeconds: duration,
      posterSeconds: Math.min(5, duration / 10),
    };
  }
  return {
    inputArgs: ["-i", file, "-f", "lavfi", "-t", String(duration), "-i", `anullsrc=r=${AUDIO_SAMPLE_RATE}:cl=stereo`],
    filter: `${video};[1:a]anull[src_a]`,
    durationSeconds: duration,
    posterSeconds: Math.min(5, duration / 10),
  };
}
