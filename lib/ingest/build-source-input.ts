import { requireSource, type TSourceFacts } from "./inspect-source";
import type { TMediaInput } from "./media-input";
import { planLadder, type TEncodeSpeed } from "./plan-ladder";

/**
 * A real recording as a transcode input: the picture as ffmpeg decodes it (rotation applied;
 * the ladder's scale applies the sample aspect ratio) and its first audio track, or silence
 * of the same length when it has none, because every rung carries audio.
 * Throws a one-line SourceError when the file cannot be a source (inspect-source.ts).
 */
export async function buildSourceInput(
  file: string,
  options: { speed?: TEncodeSpeed; facts?: TSourceFacts } = {},
): Promise<TMediaInput> {
  const facts = options.facts ?? (await requireSource(file));
  const duration = facts.durationSeconds;
  const plan = planLadder(
    { width: facts.video.width, height: facts.video.height, sar: facts.video.sar, frameRate: facts.video.frameRate, variableFrameRate: facts.video.variableFrameRate, interlaced: facts.video.interlaced },
    { speed: options.speed ?? "quality" },
  );
  const video = "[0:v:0]null[src_v]";
  const posterSeconds = Math.min(5, duration / 10);
  if (facts.audio) {
    return { inputArgs: ["-i", file], filter: `${video};[0:a:0]anull[src_a]`, durationSeconds: duration, posterSeconds, plan };
  }
  return {
    inputArgs: ["-i", file, "-f", "lavfi", "-t", String(duration), "-i", `anullsrc=r=${plan.audio.sampleRate}:cl=stereo`],
    filter: `${video};[1:a]anull[src_a]`,
    durationSeconds: duration,
    posterSeconds,
    plan,
  };
}
