/**
 * Every knob of the sample-media pipeline in one place. Anything here that changes the
 * output bytes is part of the cache key (media-cache-key.ts), so bump GENERATOR_VERSION when
 * changing code that changes output without changing these values.
 * Why these numbers: docs/decisions/002-sample-media-pipeline.md.
 */
export const GENERATOR_VERSION = "lectern-sample-media/3"; // 2: download.mp4; 3: ladder from the source (plan-ladder.ts), loudnorm, captions per language

/** Generated samples are 1280×720 at this rate (so their ladder is 720p/480p/360p). */
export const FRAME_RATE = 30;
export const SAMPLE_WIDTH = 1280;
export const SAMPLE_HEIGHT = 720;
/** The sine tone and silence are generated at this rate; every rung's audio is 48 kHz (plan-ladder.ts). */
export const AUDIO_SAMPLE_RATE = 48_000;
// The ladder, bit rates, GOP, segment length, x264 presets and loudness live in plan-ladder.ts.

/** Generated samples: a title card for this long, then the moving test pattern. */
export const TITLE_CARD_SECONDS = 4;
export const TONE_HZ = 440;
export const FONT_FILE = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
export const FONT_FILE_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

/** Two ffmpeg jobs at a time, each with two encoder threads: measured fastest on 2 cores (see the ADR). */
export const DEFAULT_CONCURRENCY = 2;
export const FFMPEG_THREADS_PER_JOB = 2;
