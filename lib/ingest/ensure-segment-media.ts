import fs from "node:fs";
import path from "node:path";
import { buildDownloadMp4, DOWNLOAD_MP4 } from "./build-download-mp4";
import { buildSampleSource } from "./build-sample-source";
import { buildThumbnails, THUMBNAILS_LABEL } from "./build-thumbnails";
import { buildSourceInput } from "./build-source-input";
import type { TCourseManifest, TManifestSegment } from "./course-manifest";
import { mediaCacheKey, sourceCaptionsFile } from "./media-cache-key";
import { MEDIA_FACTS_FILE, readMediaFacts, type TMediaAssetFact, type TMediaFacts } from "./media-facts";
import { GENERATOR_VERSION, MP4_RENDITION, RENDITIONS, TITLE_CARD_SECONDS, TONE_HZ } from "./media-settings";
import { measureHlsVariant } from "./measure-hls-variant";
import { probeMedia } from "./probe-media";
import { renderChaptersVtt } from "./render-chapters-vtt";
import { renderMasterPlaylist, type TMasterVariant } from "./render-master-playlist";
import { renderSampleCaptions } from "./render-sample-captions";
import { transcodeHls } from "./transcode-hls";

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
 */
export async function ensureSegmentMedia(options: {
  course: TCourseManifest;
  segment: TManifestSegment;
  mediaRoot: string;
  force?: boolean;
  onProgress?: (fraction: number) => void;
  /** Called once before rendering (not for cached media), e.g. to install ffmpeg. */
  beforeGenerate?: () => void;
}): Promise<TEnsureSegmentMediaResult> {
  const { course, segment, mediaRoot } = options;
  const dir = segmentMediaDir(mediaRoot, course.slug, segment.slug);
  const cacheKey = await mediaCacheKey(course, segment);
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
    const sourceFile = segment.source ? path.resolve(course.directory, segment.source) : undefined;
    const input = sourceFile
      ? await buildSourceInput(sourceFile)
      : buildSampleSource(
          {
            courseTitle: course.title,
            segmentTitle: segment.title,
            subtitle: segment.subtitle,
            seconds: segment.sampleSeconds,
            chapters: segment.chapters,
          },
          work,
        );
    await transcodeHls(input, work, options.onProgress);
    fs.rmSync(path.join(work, "text"), { recursive: true, force: true });
    const facts = await describeMedia(work, { course, segment, cacheKey, sourceFile });
    fs.writeFileSync(path.join(work, MEDIA_FACTS_FILE), `${JSON.stringify(facts, null, 2)}\n`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(work, dir);
    return { status: "generated", facts };
  } catch (error) {
    fs.rmSync(work, { recursive: true, force: true });
    throw new Error(`Media for ${course.slug}/${segment.slug} failed: ${(error as Error).message}`);
  }
}

/** Probes what transcodeHls wrote, writes master.m3u8 and the WebVTT files, lists every asset. */
async function describeMedia(
  dir: string,
  ctx: { course: TCourseManifest; segment: TManifestSegment; cacheKey: string; sourceFile?: string },
): Promise<TMediaFacts> {
  const size = (rel: string) => fs.statSync(path.join(dir, rel)).size;
  const mp4 = await probeMedia(path.join(dir, "video.mp4"));
  const durationSeconds = Math.round(mp4.durationSeconds * 1000) / 1000;
  const assets: TMediaAssetFact[] = [];

  const variants: (TMasterVariant & { label: string; bytes: number })[] = [];
  for (const r of RENDITIONS) {
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
    kind: "mp4", label: MP4_RENDITION, path: "video.mp4", mimeType: "video/mp4", bytes: size("video.mp4"),
    width: mp4.video?.width, height: mp4.video?.height, bandwidth: mp4.bitRate,
    codecs: mp4.video?.codecs && mp4.audio?.codecs ? `${mp4.video.codecs},${mp4.audio.codecs}` : undefined,
  });
  const poster = await probeMedia(path.join(dir, "poster.jpg")).catch(() => undefined);
  assets.push({
    kind: "poster", label: "default", path: "poster.jpg", mimeType: "image/jpeg", bytes: size("poster.jpg"),
    width: poster?.video?.width || mp4.video?.width, height: poster?.video?.height || mp4.video?.height,
  });

  let captions: string | undefined;
  if (!ctx.sourceFile) {
    captions = renderSampleCaptions({
      courseTitle: ctx.course.title,
      segmentTitle: ctx.segment.title,
      subtitle: ctx.segment.subtitle,
      durationSeconds,
      titleCardSeconds: TITLE_CARD_SECONDS,
      toneHz: TONE_HZ,
      chapters: ctx.segment.chapters,
    });
  } else if (fs.existsSync(sourceCaptionsFile(ctx.sourceFile))) {
    // We cannot describe a real recording honestly; use the author's captions if shipped.
    captions = fs.readFileSync(sourceCaptionsFile(ctx.sourceFile), "utf8");
  }
  if (captions !== undefined) {
    fs.writeFileSync(path.join(dir, "captions.en.vtt"), captions);
    assets.push({
      kind: "captions", label: "en", path: "captions.en.vtt", mimeType: "text/vtt",
      bytes: size("captions.en.vtt"), language: "en",
    });
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
    authors: ctx.course.authors,
    publisher: ctx.course.publisher,
    number: `${partIndex + 1}.${segmentIndex + 1}`,
    year: ctx.course.publishedOn ? new Date(ctx.course.publishedOn).getUTCFullYear() : undefined,
    chapters: ctx.segment.chapters,
    durationSeconds,
  });
  assets.push({
    kind: "download", label: "default", path: DOWNLOAD_MP4, mimeType: "video/mp4", bytes: size(DOWNLOAD_MP4),
    width: mp4.video?.width, height: mp4.video?.height,
    codecs: mp4.video?.codecs && mp4.audio?.codecs ? `${mp4.video.codecs},${mp4.audio.codecs}` : undefined,
  });

  // Seek-bar previews: a sprite of thumbnails + a WebVTT of `#xywh=` tiles.
  assets.push(await buildThumbnails(dir, durationSeconds));

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
