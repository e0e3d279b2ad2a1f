import type { TFoundSegment } from "../catalog/find-segment";
import { captionLanguageLabel } from "../ingest/caption-language";
import { signMediaToken } from "./media-token";
import { windowedExpiry } from "./token-expiry";

export type TPlayback = {
  segment: { id: string; slug: string; title: string; subtitle: string; durationSeconds: number };
  hls: string;
  /** The top rung as one progressive MP4 (video.mp4): what a server-rendered <video> can start before any script (ADR 008). */
  mp4: string | null;
  poster: string | null;
  captions: { src: string; language: string; label: string }[];
  renditions: { label: string; width: number | null; height: number | null }[];
  /** The server's clock when the URLs were signed (unix seconds): renewal timing needs no client clock. */
  issuedAt: number;
  /** Unix seconds after which the URLs stop working; ask the playback API again before. */
  expiresAt: number;
};

export type TSigning = {
  secret: string;
  ttlSeconds: number;
  nowSeconds: number;
  /** PLAYER_MP4_ORIGIN (lib/env.ts): the MP4 from a second host name of the site, its own connections. */
  mp4Origin?: string | null;
};

/**
 * Signed media URLs of a segment the viewer may watch (call only after the access decision).
 * `userId` binds paid media to the viewer; free-preview media carry no user.
 */
export function segmentMediaUrls(segment: TFoundSegment, userId: string | null, signing: TSigning): TPlayback {
  const expiresAt = windowedExpiry(signing.nowSeconds, signing.ttlSeconds);
  const token = signMediaToken(signing.secret, {
    scope: "stream",
    course: segment.course.slug,
    segment: segment.slug,
    userId,
    expiresAt,
  });
  const base = `/media/${segment.course.slug}/${segment.slug}/${token}`;
  const byKind = (kind: string) => segment.assets.filter((a) => a.kind === kind);
  const master = byKind("hls-master")[0];
  const poster = byKind("poster")[0];
  const mp4 = byKind("mp4")[0];
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
    mp4: mp4 ? `${signing.mp4Origin ?? ""}${url(mp4.path)}` : null,
    poster: poster ? url(poster.path) : null,
    // English first (the transcript's and the captions toggle's default), then by language.
    captions: byKind("captions")
      .map((c) => ({ src: url(c.path), language: c.language ?? c.label, label: captionLanguageLabel(c.language ?? c.label) }))
      .sort((a, b) => (a.language === "en" ? -1 : b.language === "en" ? 1 : a.language.localeCompare(b.language))),
    renditions: byKind("hls-variant")
      .map((v) => ({ label: v.label, width: v.width, height: v.height }))
      .sort((a, b) => (b.height ?? 0) - (a.height ?? 0)),
    issuedAt: signing.nowSeconds,
    expiresAt,
  };
}
