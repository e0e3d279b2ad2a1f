import fs from "node:fs";
import path from "node:path";
import { buildDownloadMp4, DOWNLOAD_MP4 } from "./build-download-mp4";
import { buildSampleSource } from "./build-sample-source";
import { buildThumbnails, THUMBNAILS_LABEL } from "./build-thumbnails";
import { buildSourceInput } from "./build-source-input";
import type { TCourseManifest, TManifestSegment } from "./course-manifest";
import { CaptionsError, SourceError } from "./inspect-source";
import { loadSourceCaptions, type TSourceCaptions } from "./find-source-captions";
import { defaultSpeed, mediaCacheKey } from "./media-cache-key";
import { MEDIA_FACTS_FILE, readMediaFacts, type TMediaAssetFact, type TMediaFacts } from "./media-facts";
import { GENERATOR_VERSION, TITLE_CARD_SECONDS, TONE_HZ } from "./media-settings";
import { measureHlsVariant } from "./measure-hls-variant";
import type { TEncodeSpeed, TLadderPlan } from "./plan-ladder";
import { probeMedia } from "./probe-media";
import { renderChaptersVtt } from "./render-chapters-vtt";
import { renderMasterPlaylist, type TMasterVariant } from "./render-master-playlist";
import { renderSampleCaptions } from "./render-sample-captions";
import { FfmpegError } from "./run-ffmpeg";
import { MP4_FILE, transcodeHls } from "./transcode-hls";

export type TEnsureSegmentMediaResult = { status: "cached" | "generated"; facts: TMediaFacts };

export function segmentMediaDir(mediaRoot: string, courseSlug: string, segmentSlug: string): string {
  return path.join(mediaRoot, courseSlug, segmentSlug);
}

function allAssetsExist(dir: string, facts: TMediaFacts): boolean {
  return facts.assets.every((asset) => fs.existsSync(path.join(dir, asset.path)));
}

/**
 * Makes `<mediaRoot>/<course>/<segment>/` hold current media for one segment: reuses it when
 * media.json's cache key matches (and its files exist), otherwise renders into a temporary
 * sibling directory and swaps it in, so an interrupted run never leaves half a segment.
 *
 * A source that cannot be used throws a SourceError (one line: `<file>: <reason>`), captions
 * with malformed cues a CaptionsError (one line per problem, `<file>:<line>: …`); any other
 * failure is an Error naming the segment. On any failure the previous media stays in place.
 * `speed` defaults to "quality" for a source and "fast" for a generated sample.
 */
export async function ensureSegmentMedia(options: {
  course: TCourseManifest;
  segment: TManifestSegment;
  mediaRoot: string;
  force?: boolean;
  onProgress?: (fraction: number) => void;
  /** Called once before rendering (not for cached media), e.g. to install ffmpeg. */
  beforeGenerate?: () => void;
  speed?: TEncodeSpeed;
}): Promise<TEnsureSegmentMediaResult> {
  const { course, segment, mediaRoot } = options;
  const speed = options.speed ?? defaultSpeed(segment);
  const dir = segmentMediaDir(mediaRoot, course.slug, segment.slug);
  const sourceFile = segment.source ? path.resolve(course.directory, segment.source) : undefined;
  if (sourceFile && !fs.existsSync(sourceFile)) throw new SourceError(sourceFile, "file not found");
  const cacheKey = await mediaCacheKey(course, segment, speed);
  const existing = readMediaFacts(dir);
  // Media from before seek-bar thumbnails (or older ones) is regenerated too.
  const thumbnailsCurrent = existing?.assets.some((a) => a.kind === "thumbnails" && a.label === THUMBNAILS_LABEL);
  if (!options.force && existing?.cacheKey === cacheKey && thumbnailsCurrent && allAssetsExist(dir, existing)) {
    return { status: "cached", facts: existing };
  }

  options.beforeGenerate?.();
  const work = path.join(mediaRoot, course.slug, `.${segment.slug}.tmp-${process.pid}`);
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(work, { recursive: true });
  try {
    // Captions first: a malformed cue fails in a second, not after the encode.
    let sourceCaptions: TSourceCaptions[] = [];
    if (sourceFile) {
      const loaded = loadSourceCaptions(sourceFile);
      if (!loaded.ok) throw new CaptionsError(loaded.problems);
      sourceCaptions = loaded.captions;
    }
    const input = sourceFile
      ? await buildSourceInput(sourceFile, { speed })
      : buildSampleSource(
          {
            courseTitle: course.title,
            segmentTitle: segment.title,
            subtitle: segment.subtitle,
            seconds: segment.sampleSeconds,
            chapters: segment.chapters,
          },
          work,
          speed,
        );
    let plan: TLadderPlan;
    try {
      plan = await transcodeHls(input, work, options.onProgress);
    } catch (error) {
      // The source passed inspection but ffmpeg still failed on it (damage mid-file):
      // a one-line reason from ffmpeg, not its whole log.
      if (sourceFile && error instanceof FfmpegError) throw new SourceError(sourceFile, `ffmpeg failed: ${error.reason}`);
      throw error;
    }
    fs.rmSync(path.join(work, "text"), { recursive: true, force: true });
    const facts = await describeMedia(work, { course, segment, cacheKey, sourceFile, plan, sourceCaptions });
    fs.writeFileSync(path.join(work, MEDIA_FACTS_FILE), `${JSON.stringify(facts, null, 2)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(work, dir);
    return { status: "generated", facts };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    if (error instanceof SourceError || error instanceof CaptionsError) throw error;
    throw new Error(`Media for ${course.slug}/${segment.slug} failed: ${(error as Error).message}`);
  }
}

/** Probes what transcodeHls wrote, writes master.m3u8 and the WebVTT files, lists every asset. */
async function describeMedia(
  dir: string,
  ctx: {
    course: TCourseManifest;
    segment: TManifestSegment;
    cacheKey: string;
    sourceFile?: string;
    plan: TLadderPlan;
    sourceCaptions: TSourceCaptions[];
  },
): Promise<TMediaFacts> {
  const size = (rel: string) => fs.statSync(path.join(dir, rel)).size;
  const mp4 = await probeMedia(path.join(dir, MP4_FILE));
  const durationSeconds = Math.round(mp4.durationSeconds * 1000) / 1000;
  const assets: TMediaAssetFact[] = [];

  const variants: (TMasterVariant & { label: string; bytes: number })[] = [];
  for (const r of ctx.plan.rungs) {
    const measure = measureHlsVariant(path.join(dir, r.label, "index.m3u8"));
    const probe = await probeMedia(path.join(dir, r.label, "seg_000.ts"));
    if (!probe.video?.codecs || !probe.audio?.codecs) throw new Error(`cannot read codecs of ${r.label}`);
    variants.push({
      label: r.label,
      uri: `${r.label}/index.m3u8`,
      bandwidth: measure.peakBandwidth,
      averageBandwidth: measure.averageBandwidth,
      width: probe.video.width,
      height: probe.video.height,
      frameRate: probe.video.frameRate,
      codecs: `${probe.video.codecs},${probe.audio.codecs}`,
      bytes: measure.bytes,
    });
  }
  fs.writeFileSync(path.join(dir, "master.m3u8"), renderMasterPlaylist(variants));
  const top = variants.reduce((a, b) => (b.bandwidth > a.bandwidth ? b : a));
  assets.push({
    kind: "hls-master", label: "default", path: "master.m3u8", mimeType: "application/vnd.apple.mpegurl",
    bytes: size("master.m3u8"), width: top.width, height: top.height, bandwidth: top.bandwidth,
    codecs: top.codecs,
  });
  for (const v of variants) {
    assets.push({
      kind: "hls-variant", label: v.label, path: v.uri, mimeType: "application/vnd.apple.mpegurl",
      bytes: v.bytes, width: v.width, height: v.height, bandwidth: v.bandwidth,
      averageBandwidth: v.averageBandwidth, codecs: v.codecs,
    });
  }
  assets.push({
    kind: "mp4", label: ctx.plan.mp4Label, path: MP4_FILE, mimeType: "video/mp4", bytes: size(MP4_FILE),
    width: mp4.video?.width, height: mp4.video?.height, bandwidth: mp4.bitRate,
    codecs: mp4.video?.codecs && mp4.audio?.codecs ? `${mp4.video.codecs},${mp4.audio.codecs}` : undefined,
  });
  const poster = await probeMedia(path.join(dir, "poster.jpg")).catch(() => undefined);
  assets.push({
    kind: "poster", label: "default", path: "poster.jpg", mimeType: "image/jpeg", bytes: size("poster.jpg"),
    width: poster?.video?.width || mp4.video?.width, height: poster?.video?.height || mp4.video?.height,
  });

  // Samples: captions describing what the generated video shows. Sources: every language the
  // author shipped beside the file (find-source-captions.ts), converted to WebVTT.
  const captions: { language: string; vtt: string }[] = ctx.sourceFile
    ? ctx.sourceCaptions
    : [
        {
          language: "en",
          vtt: renderSampleCaptions({
            courseTitle: ctx.course.title,
            segmentTitle: ctx.segment.title,
            subtitle: ctx.segment.subtitle,
            durationSeconds,
            titleCardSeconds: TITLE_CARD_SECONDS,
            toneHz: TONE_HZ,
            chapters: ctx.segment.chapters,
          }),
        },
      ];
  const captionFiles: { language: string; path: string }[] = [];
  for (const c of captions) {
    const file = `captions.${c.language}.vtt`;
    fs.writeFileSync(path.join(dir, file), c.vtt);
    captionFiles.push({ language: c.language, path: file });
    assets.push({ kind: "captions", label: c.language, path: file, mimeType: "text/vtt", bytes: size(file), language: c.language });
  }
  if (ctx.segment.chapters.length) {
    fs.writeFileSync(path.join(dir, "chapters.en.vtt"), renderChaptersVtt(ctx.segment.chapters, durationSeconds));
    assets.push({
      kind: "chapters", label: "en", path: "chapters.en.vtt", mimeType: "text/vtt",
      bytes: size("chapters.en.vtt"), language: "en",
    });
  }

  // The DRM-free download: a remux of video.mp4 with captions, chapters and tags.
  const partIndex = ctx.course.parts.findIndex((p) => p.segments.some((s) => s.slug === ctx.segment.slug));
  const segmentIndex = ctx.course.parts[partIndex]?.segments.findIndex((s) => s.slug === ctx.segment.slug) ?? 0;
  await buildDownloadMp4(dir, {
    title: ctx.segment.title,
    subtitle: ctx.segment.subtitle,
    courseTitle: ctx.course.title,
    authors: ctx.course.authors.map((a) => a.name),
    publisher: ctx.course.publisher,
    number: `${partIndex + 1}.${segmentIndex + 1}`,
    year: ctx.course.publishedOn ? new Date(ctx.course.publishedOn).getUTCFullYear() : undefined,
    chapters: ctx.segment.chapters,
    durationSeconds,
    captions: captionFiles,
  });
  assets.push({
    kind: "download", label: "default", path: DOWNLOAD_MP4, mimeType: "video/mp4", bytes: size(DOWNLOAD_MP4),
    width: mp4.video?.width, height: mp4.video?.height,
    codecs: mp4.video?.codecs && mp4.audio?.codecs ? `${mp4.video.codecs},${mp4.audio.codecs}` : undefined,
  });

  // Seek-bar previews: a sprite of thumbnails + a WebVTT of `#xywh=` tiles.
  assets.push(await buildThumbnails(dir, durationSeconds, { width: mp4.video?.width ?? 16, height: mp4.video?.height ?? 9 }));

  return {
    schemaVersion: 1,
    cacheKey: ctx.cacheKey,
    generator: GENERATOR_VERSION,
    origin: ctx.sourceFile ? "source" : "generated",
    course: ctx.course.slug,
    segment: ctx.segment.slug,
    durationSeconds,
    generatedAt: new Date().toISOString(),
    assets,
  };
}
