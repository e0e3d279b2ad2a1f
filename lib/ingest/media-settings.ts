/**
 * Every knob of the sample-media pipeline in one place. Anything here that changes the
 * output bytes is part of the cache key (media-cache-key.ts), so bump GENERATOR_VERSION when
 * changing code that changes output without changing these values.
 * Why these numbers: docs/decisions/002-sample-media-pipeline.md.
 */
export const GENERATOR_VERSION = "lectern-sample-media/2"; // 2: download.mp4 (build-download-mp4.ts)

export const FRAME_RATE = 30;
/** A keyframe every 2 s, fixed (no scene-cut keyframes), so every 6 s HLS segment starts on one. */
export const KEYFRAME_SECONDS = 2;
export const HLS_SEGMENT_SECONDS = 6;
/** x264 speed/size trade-off: all 35 samples must render in well under 3 minutes on 2 cores. */
export const X264_PRESET = "ultrafast";
export const AUDIO_SAMPLE_RATE = 48_000;

export type TRendition = {
  label: "360p" | "720p";
  width: number;
  height: number;
  profile: "main" | "high";
  crf: number;
  /** Caps for VBV so a variant's peak bitrate stays near what the master playlist says. */
  maxrateKbps: number;
  bufsizeKbps: number;
  audioKbps: number;
};

export const RENDITIONS: readonly TRendition[] = [
  { label: "360p", width: 640, height: 360, profile: "main", crf: 23, maxrateKbps: 700, bufsizeKbps: 1400, audioKbps: 96 },
  { label: "720p", width: 1280, height: 720, profile: "high", crf: 23, maxrateKbps: 1800, bufsizeKbps: 3600, audioKbps: 128 },
];
/** video.mp4 (the download/fallback file) is the 720p encode; its HLS variant is a remux of it. */
export const MP4_RENDITION = "720p";

/** Generated samples: a title card for this long, then the moving test pattern. */
export const TITLE_CARD_SECONDS = 4;
export const TONE_HZ = 440;
export const FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
export const FONT_FILE_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

/** Two ffmpeg jobs at a time, each with two encoder threads: measured fastest on 2 cores (see the ADR). */
export const DEFAULT_CONCURRENCY = 2;
export const FFMPEG_THREADS_PER_JOB = 2;
