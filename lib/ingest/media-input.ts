/**
 * What transcode-hls.ts encodes: ffmpeg input arguments plus a filtergraph that defines
 * exactly two pads, `[src_v]` (1280x720, FRAME_RATE, yuv420p) and `[src_a]` (48 kHz audio).
 */
export type TMediaInput = {
  inputArgs: string[];
  filter: string;
  durationSeconds: number;
  /** Where in the video the poster frame is taken. */
  posterSeconds: number;
};
