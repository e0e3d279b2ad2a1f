import type { TLadderPlan } from "./plan-ladder";

/**
 * What transcode-hls.ts encodes: ffmpeg input arguments plus a filtergraph that defines
 * exactly two pads, `[src_v]` (the picture at the source's own size and rate) and `[src_a]`
 * (audio in any layout and rate: the transcode downmixes, normalises and resamples), and the
 * ladder decided for it (plan-ladder.ts).
 */
export type TMediaInput = {
  inputArgs: string[];
  filter: string;
  durationSeconds: number;
  /** Where in the video the poster frame is taken. */
  posterSeconds: number;
  plan: TLadderPlan;
};
