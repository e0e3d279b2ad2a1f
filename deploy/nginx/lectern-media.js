// Streaming-token verification inside nginx (njs 0.7.9+, Debian's libnginx-mod-http-js), so a
// player's media requests never reach Next.js: the njs twin of lib/media/media-token.ts
// (verifyMediaToken, scope "stream") and lib/media/media-path.ts (resolveMediaPath) plus the
// download-only rule of lib/media/serve-media-request.ts. Two implementations of one token
// scheme: lib/media/media-njs.integration.test.ts signs with the TypeScript code and checks
// that nginx agrees, so change both together. docs/decisions/007-nginx-offload-and-content-length.md.
//
// Used by deploy/nginx/media-njs.conf.template:
//   location /media/ { js_content lectern.serveMedia; }
// The secret is LECTERN_MEDIA_KEY from nginx's environment (`env LECTERN_MEDIA_KEY;` at main level);
// it is never written into a config file.
import crypto from "crypto";

// The same shapes as the TypeScript side (keep in step):
//   lib/media/media-token.ts   TOKEN
//   lib/catalog/slug.ts SLUG_PATTERN, lib/media/media-path.ts FILE_PART / ALLOWED_EXTENSIONS
const TOKEN = /^([sd])([0-9a-z]{1,10})\.([A-Za-z0-9_-]{1,64}|-)\.([A-Za-z0-9_-]{43})$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FILE_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const ALLOWED_EXTENSIONS = [".m3u8", ".ts", ".m4s", ".mp4", ".jpg", ".jpeg", ".png", ".webp", ".vtt"];
// Files only the download routes hand out (they re-check the purchase, through the app).
const DOWNLOAD_ONLY = ["download.mp4"];

// The internal locations of media-njs.conf.template that map to MEDIA_ROOT; they differ only in
// Cache-Control (lib/media/serve-file.ts cacheControlFor), by kind here and by audience
// (public/ or private/) after it.
const PLAYLIST_PREFIX = "/_lectern_media/playlist/";
const IMMUTABLE_PREFIX = "/_lectern_media/immutable/";

const DENIED = {
  malformed: "This media link is not valid.",
  "invalid-signature": "This media link is not valid.",
  expired: "This media link has expired. Reload the page to get a new one.",
};

function fail(r, status, code, message, extra) {
  const error = { code: code, message: message };
  if (extra) Object.keys(extra).forEach((k) => (error[k] = extra[k]));
  r.headersOut["Content-Type"] = "application/json";
  r.headersOut["Cache-Control"] = "no-store";
  r.return(status, JSON.stringify({ error: error }));
}

/** Same bytes compared without an early exit (the TS side uses crypto.timingSafeEqual). */
function constantTimeEqual(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** verifyMediaToken for scope "stream": "ok", or why not. */
function checkToken(secret, token, course, segment, nowSeconds) {
  const m = TOKEN.exec(token);
  if (!m) return "malformed";
  const expiresAt = parseInt(m[2], 36);
  const scope = m[1] === "s" ? "stream" : "download";
  const message = ["lectern-media-v1", scope, course, segment, m[3], String(expiresAt)].join("|");
  const expected = crypto.createHmac("sha256", secret).update(message).digest("base64url");
  // Checked before expiry so a forged token never learns whether it would have expired.
  if (!constantTimeEqual(m[4], expected) || scope !== "stream") return "invalid-signature";
  if (expiresAt <= nowSeconds) return "expired";
  return "ok";
}

/** resolveMediaPath's rules on the file parts; the relative path, or null. */
function mediaFile(parts) {
  if (parts.length === 0 || parts.length > 4) return null;
  for (let i = 0; i < parts.length; i++) {
    if (!FILE_PART.test(parts[i]) || parts[i].indexOf("..") !== -1) return null;
  }
  const last = parts[parts.length - 1];
  const dot = last.lastIndexOf(".");
  const ext = dot > 0 ? last.slice(dot).toLowerCase() : "";
  if (ALLOWED_EXTENSIONS.indexOf(ext) === -1) return null;
  for (let i = 0; i < parts.length; i++) if (DOWNLOAD_ONLY.indexOf(parts[i]) !== -1) return null;
  return parts.join("/");
}

/**
 * js_content for /media/<course>/<segment>/<token>/<file…>: 400 for bad slugs (zod in the app),
 * 403 for a missing, forged, expired, download-scope or other-segment token, 404 for anything
 * but a plain media file of the segment; otherwise an internal redirect to the file, which
 * nginx serves itself (Range, validators, HEAD, sendfile). Existence is nginx's 404.
 */
function serveMedia(r) {
  if (r.method !== "GET" && r.method !== "HEAD") {
    r.headersOut["Allow"] = "GET, HEAD";
    return fail(r, 405, "METHOD_NOT_ALLOWED", "Method not allowed");
  }
  const secret = process.env.LECTERN_MEDIA_KEY;
  if (!secret || secret.length < 32) {
    r.error("lectern-media: LECTERN_MEDIA_KEY is not in nginx's environment (add `env LECTERN_MEDIA_KEY;`)");
    return fail(r, 503, "UNAVAILABLE", "Media is not available right now.");
  }
  // The raw path, not nginx's normalised $uri: dot-segments and doubled slashes are refused as
  // the app refuses them, instead of being resolved first.
  const raw = r.variables.request_uri.split("?")[0];
  let parts;
  try {
    parts = raw.split("/").map(decodeURIComponent);
  } catch (e) {
    return fail(r, 400, "BAD_REQUEST", "Invalid request");
  }
  // ["", "media", course, segment, token, file…]
  if (parts.length < 6 || parts[1] !== "media") return fail(r, 404, "NOT_FOUND", "Media file not found");
  const course = parts[2];
  const segment = parts[3];
  if (course.length > 100 || segment.length > 100 || !SLUG.test(course) || !SLUG.test(segment)) {
    return fail(r, 400, "BAD_REQUEST", "Invalid request");
  }
  const token = parts[4];
  const reason = checkToken(secret, token, course, segment, Math.floor(Date.now() / 1000));
  if (reason !== "ok") return fail(r, 403, "FORBIDDEN", DENIED[reason], { reason: reason });

  const file = mediaFile(parts.slice(5));
  if (!file) return fail(r, 404, "NOT_FOUND", "Media file not found");
  // Case-sensitive like cacheControlFor; Content-Type comes from nginx's `types` (case-insensitive).
  const prefix = file.endsWith(".m3u8") ? PLAYLIST_PREFIX : IMMUTABLE_PREFIX;
  // Free-preview tokens name no user ("-"): the same URL for everyone, so shared caches may keep it.
  const audience = token.split(".")[1] === "-" ? "public/" : "private/";
  r.internalRedirect(prefix + audience + course + "/" + segment + "/" + file);
}

/** error_page for a file that passed every check but does not exist. */
function missing(r) {
  fail(r, 404, "NOT_FOUND", "Media file not found");
}

export default { serveMedia: serveMedia, missing: missing, checkToken: checkToken, mediaFile: mediaFile };
