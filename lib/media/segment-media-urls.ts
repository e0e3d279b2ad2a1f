import type { TFoundSegment } from "../catalog/find-segment";

export type TPlayback = {
  segment: { id: string; slug: string; title: string; subtitle: string; durationSeconds: number };
  hls: string;
  poster: string | null;
  captions: { src: string; language: string; label: string }[];
  renditions: { label: string; width: number | null; height: number | null }[];
};

const LANGUAGE_LABELS: Record<string, string> = { en: "English" };

/** Media URLs of a segment the viewer may watch, all under the access-checked /media route. */
export function segmentMediaUrls(segment: TFoundSegment): TPlayback {
  const base = `/media/${segment.course.slug}/${segment.slug}`;
  const byKind = (kind: string) => segment.assets.filter((a) => a.kind === kind);
  const master = byKind("hls-master")[0];
  const poster = byKind("poster")[0];
  // Asset paths are relative to MEDIA_ROOT ("<course>/<segment>/master.m3u8").
  const prefix = `${segment.course.slug}/${segment.slug}/`;
  const url = (p: string) => `${base}/${p.startsWith(prefix) ? p.slice(prefix.length) : p}`;
  return {
    segment: {
      id: segment.id,
      slug: segment.slug,
      title: segment.title,
      subtitle: segment.subtitle,
      durationSeconds: segment.durationSeconds,
    },
    hls: url(master?.path ?? "master.m3u8"),
    poster: poster ? url(poster.path) : null,
    captions: byKind("captions").map((c) => ({
      src: url(c.path),
      language: c.language ?? c.label,
      label: LANGUAGE_LABELS[c.language ?? ""] ?? c.label,
    })),
    renditions: byKind("hls-variant")
      .map((v) => ({ label: v.label, width: v.width, height: v.height }))
      .sort((a, b) => (b.height ?? 0) - (a.height ?? 0)),
  };
}
