/**
 * The encoding ladder for one source, decided from ffprobe facts alone (pure; see
 * docs/decisions/002-sample-media-pipeline.md and issue 9, "The transcoding pipeline").
 *
 * - Rungs from {1080, 720, 480, 360}, the number being the *shorter* side of the picture as
 *   displayed (sample aspect ratio applied), so a 1080×1920 phone clip gets 1080×1920,
 *   720×1280, 480×854 and 360×640. Never upscaled: the top rung is the largest one not above
 *   the source's shorter side. A source whose shorter side is under 360 gets one rung at its
 *   own (display) size.
 * - Every rung keeps the display aspect ratio with square pixels and even dimensions (4:2:0),
 *   no bars.
 * - Constant frame rate out: the source's own rate when it is one of Apple's "natural" rates
 *   (23.976 … 60), otherwise (variable-rate screen recordings, odd rates) 30 fps, or 60 for
 *   sources above 30 fps. Never above 60 (Apple HLS authoring spec 1.11).
 */

/** The subset of TSourceFacts (inspect-source.ts) the ladder depends on. */
export type TLadderSource = {
  width: number;
  height: number;
  sar?: { num: number; den: number };
  frameRate: number;
  variableFrameRate?: boolean;
  /** Interlaced fields (ffprobe field_order tt/bb/tb/bt). */
  interlaced?: boolean;
};

/** "quality" for authors' recordings (screen text stays sharp), "fast" for generated samples and tests. */
export type TEncodeSpeed = "quality" | "fast";

export type TLadderRung = {
  /** "1080p", "720p", … — the shorter side; unique per segment; the HLS variant's folder. */
  label: string;
  width: number;
  height: number;
  /** x264 VBV cap (kbit/s) after Apple's table, and a buffer of twice that. */
  maxrateKbps: number;
  bufsizeKbps: number;
  audioKbps: number;
};

export type TLadderPlan = {
  rungs: TLadderRung[];
  /** The top rung: encoded to video.mp4 (the MP4 rendition and the download). */
  mp4Label: string;
  /** Output frame rate as an ffmpeg rational, e.g. "30", "30000/1001". */
  frameRate: string;
  frameRateValue: number;
  /**
   * De-interlace first (Apple HLS authoring spec 1.6: interlaced content MUST be de-interlaced;
   * 1.7: 30i SHOULD become 60p): one frame per field, so 25i → 50p, 29.97i → 59.94p.
   */
  deinterlace: boolean;
  keyframeSeconds: number;
  segmentSeconds: number;
  x264: { preset: string; crf: number; profile: "high" };
  audio: { sampleRate: number; channels: 2; loudness: { integratedLufs: number; truePeakDb: number; rangeLu: number } };
};

export const LADDER_SHORT_SIDES = [1080, 720, 480, 360] as const;

/**
 * Video caps per rung, kbit/s, after Apple's "HLS Authoring Specification for Apple Devices",
 * §1 Video, the bit-rate variant table (Table 2-1 / "Video average bit rate"):
 *   416×234 145 · 480×270 365 · 640×360 730 · 768×432 1100 · 960×540 2000 ·
 *   1280×720 3000 / 4500 · 1920×1080 6000 / 7800.
 * We encode with CRF (quality-targeted; screen recordings use far less) and use the table's
 * average rate as the VBV maxrate, with a 2× buffer, so a variant's measured peak stays within
 * the spec's "peak ≤ 200 % of average" for VOD. 480 has no row: 854×480 lies between 768×432
 * and 960×540, so it takes 1500. Below 360 we use the 480×270 row.
 */
export const VIDEO_CAP_KBPS: Record<number, number> = { 1080: 6000, 720: 3000, 480: 1500, 360: 730 };
export const SMALL_VIDEO_CAP_KBPS = 365;
/** AAC-LC stereo; Apple's spec asks for 32–160 kbit/s. */
const AUDIO_KBPS_LARGE = 128;
const AUDIO_KBPS_SMALL = 96;

export const KEYFRAME_SECONDS = 2;
export const HLS_SEGMENT_SECONDS = 6;

/**
 * x264 settings per speed. "quality": preset slow, CRF 21 — the slower presets spend their time
 * on motion search and reference frames, which is what keeps small text and thin lines sharp in
 * screen recordings. "fast": ultrafast, CRF 23 — the generated samples (35 segments must render
 * in about two minutes on two cores) and the tests.
 */
export const X264_BY_SPEED: Record<TEncodeSpeed, { preset: string; crf: number }> = {
  quality: { preset: "slow", crf: 21 },
  fast: { preset: "ultrafast", crf: 23 },
};

/** Loudness target (EBU R128 measurement, ffmpeg loudnorm): -16 LUFS, as for online speech. */
export const LOUDNESS = { integratedLufs: -16, truePeakDb: -1.5, rangeLu: 11 } as const;
export const AUDIO_SAMPLE_RATE_OUT = 48_000;

const NATURAL_RATES: { value: number; ffmpeg: string }[] = [
  { value: 24000 / 1001, ffmpeg: "24000/1001" },
  { value: 24, ffmpeg: "24" },
  { value: 25, ffmpeg: "25" },
  { value: 30000 / 1001, ffmpeg: "30000/1001" },
  { value: 30, ffmpeg: "30" },
  { value: 50, ffmpeg: "50" },
  { value: 60000 / 1001, ffmpeg: "60000/1001" },
  { value: 60, ffmpeg: "60" },
];

export function planFrameRate(source: Pick<TLadderSource, "frameRate" | "variableFrameRate">): { ffmpeg: string; value: number } {
  if (!source.variableFrameRate) {
    const natural = NATURAL_RATES.find((r) => Math.abs(r.value - source.frameRate) / r.value < 0.0005);
    if (natural) return { ffmpeg: natural.ffmpeg, value: natural.value };
  }
  return source.frameRate > 30.5 ? { ffmpeg: "60", value: 60 } : { ffmpeg: "30", value: 30 };
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);
const evenDown = (n: number) => Math.max(2, Math.floor(n / 2) * 2);

/** The picture as displayed: the width stretched (or squeezed) by the sample aspect ratio. */
export function displaySize(source: Pick<TLadderSource, "width" | "height" | "sar">): { width: number; height: number } {
  const sar = source.sar && source.sar.num > 0 && source.sar.den > 0 ? source.sar.num / source.sar.den : 1;
  return { width: source.width * sar, height: source.height };
}

export function planLadder(source: TLadderSource, options: { speed: TEncodeSpeed }): TLadderPlan {
  if (!(source.width > 0 && source.height > 0)) throw new Error(`invalid frame size ${source.width}×${source.height}`);
  const display = displaySize(source);
  const portrait = display.height > display.width;
  const shortSide = Math.min(display.width, display.height);
  const aspect = Math.max(display.width, display.height) / shortSide;

  const displayLong = Math.max(display.width, display.height);
  const fitting = LADDER_SHORT_SIDES.filter((side) => side <= shortSide + 0.5);
  const rungs: TLadderRung[] = fitting.map((side) => {
    // Rounding to even must not add a column the source does not have (1080×1919 → 1080×1918).
    const rounded = even(side * aspect);
    const long = rounded > displayLong + 0.5 ? rounded - 2 : rounded;
    return {
      label: `${side}p`,
      width: portrait ? side : long,
      height: portrait ? long : side,
      maxrateKbps: VIDEO_CAP_KBPS[side]!,
      bufsizeKbps: VIDEO_CAP_KBPS[side]! * 2,
      audioKbps: side >= 480 ? AUDIO_KBPS_LARGE : AUDIO_KBPS_SMALL,
    };
  });
  if (rungs.length === 0) {
    // Smaller than 360: one rung at its own size (rounded down to even, never up).
    const width = evenDown(display.width);
    const height = evenDown(display.height);
    rungs.push({
      label: `${Math.min(width, height)}p`,
      width,
      height,
      maxrateKbps: SMALL_VIDEO_CAP_KBPS,
      bufsizeKbps: SMALL_VIDEO_CAP_KBPS * 2,
      audioKbps: AUDIO_KBPS_SMALL,
    });
  }
  // De-interlacing to one frame per field doubles the rate the ladder sees.
  const rate = planFrameRate(source.interlaced ? { ...source, frameRate: source.frameRate * 2 } : source);
  return {
    rungs,
    mp4Label: rungs[0]!.label,
    frameRate: rate.ffmpeg,
    frameRateValue: rate.value,
    deinterlace: !!source.interlaced,
    keyframeSeconds: KEYFRAME_SECONDS,
    segmentSeconds: HLS_SEGMENT_SECONDS,
    x264: { ...X264_BY_SPEED[options.speed], profile: "high" },
    audio: { sampleRate: AUDIO_SAMPLE_RATE_OUT, channels: 2, loudness: { ...LOUDNESS } },
  };
}
