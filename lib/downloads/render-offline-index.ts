import { formatDuration, formatTotal } from "../catalog/format-duration";
import { captionLanguageLabel } from "../ingest/caption-language";
import type { TVttCue } from "../player/parse-webvtt";
import type { TCourseDownloads, TDownloadFile } from "./load-course-downloads";

/** The cues of one captions file (read by the caller; cached there). */
export type TReadCues = (file: TDownloadFile) => TVttCue[];

type TOfflineSegment = {
  number: string;
  title: string;
  duration: string;
  /** Relative to index.html, URI-encoded (folders and names have spaces). */
  src: string | null;
  captions: { language: string; label: string; cues: [number, number, string][] }[];
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON inside <script>: nothing in it may close the element or start a comment. */
const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");

const relativeUri = (path: string) => path.split("/").map(encodeURIComponent).join("/");

/**
 * index.html at the top of the course ZIP (issue 10): the table of contents and a player for
 * each MP4 with its captions in every language and a searchable transcript — from the unzipped
 * folder, in any browser, with no server and no network. Browsers refuse <track> and fetch()
 * of file:// URLs, so the captions travel inside the page (as data) and become text tracks in
 * the page's own script. Deterministic: same course → same bytes (the ZIP's ETag covers it).
 */
export function renderOfflineIndex(d: TCourseDownloads, readCues: TReadCues): string {
  const { course, parts } = d;
  const data = parts.map((part) => ({
    title: `Part ${part.position}: ${part.title}`,
    segments: part.segments.map(
      (s): TOfflineSegment => ({
        number: `${s.partPosition}.${s.position}`,
        title: s.subtitle ? `${s.title}: ${s.subtitle}` : s.title,
        duration: formatDuration(s.durationSeconds),
        src: s.mp4 ? relativeUri(`${part.folder}/${s.baseName}.mp4`) : null,
        captions: s.captions.map((c) => ({
          language: c.language,
          label: captionLanguageLabel(c.language),
          cues: readCues(c).map((cue): [number, number, string] => [cue.start, cue.end, cue.text]),
        })),
      }),
    ),
  }));
  const total = parts.flatMap((p) => p.segments).reduce((sum, s) => sum + s.durationSeconds, 0);
  const title = escapeHtml(course.title);
  const byline = [course.authors.join(", "), course.publisher].filter(Boolean).map(escapeHtml).join(" · ");

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
:root { color-scheme: light; --accent: #4338ca; --muted: #475569; --border: #e2e8f0; font-family: system-ui, sans-serif; }
body { margin: 0; background: #f8fafc; color: #0f172a; }
header { background: #1e1b4b; color: #fff; padding: 1rem 1.25rem; }
header h1 { margin: 0; font-size: 1.4rem; }
header p { margin: 0.25rem 0 0; color: #c7d2fe; }
main { display: grid; grid-template-columns: minmax(0, 1fr) 360px; gap: 1.25rem; padding: 1.25rem; max-width: 1400px; margin: 0 auto; }
@media (max-width: 900px) { main { grid-template-columns: minmax(0, 1fr); } }
video { width: 100%; aspect-ratio: 16 / 9; background: #000; border-radius: 8px; }
h2 { font-size: 1.15rem; margin: 0.75rem 0 0.25rem; }
.panel { background: #fff; border: 1px solid var(--border); border-radius: 8px; padding: 0.75rem; margin-top: 1rem; }
.panel h3 { margin: 0 0 0.5rem; font-size: 1rem; }
ol { list-style: none; margin: 0; padding: 0; }
.toc li button, .cues button, .hits button { font: inherit; text-align: left; width: 100%; background: none; border: 0; padding: 0.4rem 0.5rem; border-radius: 6px; cursor: pointer; display: grid; grid-template-columns: 3rem 1fr auto; gap: 0.5rem; color: inherit; }
.cues button, .hits button { grid-template-columns: 3.5rem 1fr; }
.toc li button:hover, .cues button:hover, .hits button:hover { background: #eef2ff; }
.toc li button[aria-current="true"], .cues button.active { background: #e0e7ff; font-weight: 600; }
.toc .part { font-weight: 700; margin: 0.75rem 0 0.25rem; }
.muted { color: var(--muted); }
.cues { max-height: 18rem; overflow: auto; }
input[type=search], select { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #94a3b8; border-radius: 6px; }
input[type=search] { width: 100%; box-sizing: border-box; }
</style>
</head>
<body>
<header>
<h1>${title}</h1>
<p>${byline ? `${byline} · ` : ""}${parts.length} parts · ${formatTotal(total)} · plays offline from this folder</p>
</header>
<main>
<section aria-labelledby="now-title">
<div id="stage"></div>
<h2 id="now-title">Choose a segment</h2>
<div class="panel">
<h3><label for="language">Transcript</label> <select id="language" hidden></select></h3>
<ol class="cues" id="cues" aria-label="Transcript"></ol>
</div>
<div class="panel">
<h3><label for="search">Search every transcript</label></h3>
<input type="search" id="search" placeholder="Words said in any segment">
<p class="muted" id="search-status" aria-live="polite"></p>
<ol class="hits" id="hits"></ol>
</div>
</section>
<nav aria-label="Table of contents"><ol class="toc" id="toc"></ol></nav>
</main>
<script type="application/json" id="course-data">${scriptJson(data)}</script>
<script>
(function () {
  "use strict";
  var parts = JSON.parse(document.getElementById("course-data").textContent);
  var all = [];
  parts.forEach(function (p) { p.segments.forEach(function (s) { all.push(s); }); });
  var current = null, video = null, language = null;
  var toc = document.getElementById("toc"), cuesList = document.getElementById("cues"), picker = document.getElementById("language");
  var clock = function (t) { t = Math.floor(t); var m = Math.floor(t / 60), s = t % 60; return m + ":" + (s < 10 ? "0" : "") + s; };
  function el(tag, text) { var e = document.createElement(tag); if (text !== undefined) e.textContent = text; return e; }
  function row(cells) { var b = el("button"); b.type = "button"; cells.forEach(function (c) { var span = el("span", c.text); if (c.muted) span.className = "muted"; b.appendChild(span); }); return b; }

  parts.forEach(function (p) {
    toc.appendChild(el("li", p.title)).className = "part";
    p.segments.forEach(function (s) {
      var li = el("li"), b = row([{ text: s.number, muted: true }, { text: s.title }, { text: s.duration, muted: true }]);
      b.disabled = !s.src;
      b.addEventListener("click", function () { open(s, 0, true); });
      s.button = b;
      li.appendChild(b);
      toc.appendChild(li);
    });
  });

  function showTranscript() {
    cuesList.textContent = "";
    var track = current && current.captions.filter(function (c) { return c.language === language; })[0];
    if (!track) { cuesList.appendChild(el("li", "No captions for this segment.")).className = "muted"; return; }
    track.cues.forEach(function (cue, i) {
      var li = el("li"), b = row([{ text: clock(cue[0]), muted: true }, { text: cue[2] }]);
      b.dataset.index = String(i);
      b.addEventListener("click", function () { video.currentTime = cue[0]; video.play(); });
      li.appendChild(b);
      cuesList.appendChild(li);
    });
  }

  function open(segment, at, play) {
    current = segment;
    all.forEach(function (s) { if (s.button) s.button.setAttribute("aria-current", String(s === segment)); });
    document.getElementById("now-title").textContent = segment.number + " " + segment.title;
    // A fresh <video> per segment: text tracks added by script cannot be removed.
    var stage = document.getElementById("stage");
    stage.textContent = "";
    video = el("video");
    video.controls = true;
    video.preload = "metadata";
    video.src = segment.src;
    stage.appendChild(video);
    picker.textContent = "";
    picker.hidden = segment.captions.length < 2;
    if (!segment.captions.some(function (c) { return c.language === language; })) language = segment.captions.length ? segment.captions[0].language : null;
    segment.captions.forEach(function (c) {
      var track = video.addTextTrack("captions", c.label, c.language);
      c.cues.forEach(function (cue) { track.addCue(new VTTCue(cue[0], cue[1], cue[2])); });
      track.mode = c.language === language ? "showing" : "hidden";
      var option = el("option", c.label); option.value = c.language; picker.appendChild(option);
    });
    picker.value = language || "";
    video.addEventListener("timeupdate", function () {
      var active = -1, track = current.captions.filter(function (c) { return c.language === language; })[0];
      if (track) track.cues.forEach(function (cue, i) { if (video.currentTime >= cue[0] && video.currentTime < cue[1]) active = i; });
      Array.prototype.forEach.call(cuesList.querySelectorAll("button"), function (b) { b.classList.toggle("active", b.dataset.index === String(active)); });
    });
    video.addEventListener("ended", function () {
      var next = all[all.indexOf(current) + 1];
      if (next && next.src) open(next, 0, true);
    });
    if (at) video.addEventListener("loadedmetadata", function () { video.currentTime = at; }, { once: true });
    showTranscript();
    if (play) video.play().catch(function () {});
  }

  picker.addEventListener("change", function () {
    language = picker.value;
    for (var i = 0; i < video.textTracks.length; i++) video.textTracks[i].mode = video.textTracks[i].language === language ? "showing" : "hidden";
    showTranscript();
  });

  var search = document.getElementById("search"), hits = document.getElementById("hits"), status = document.getElementById("search-status");
  search.addEventListener("input", function () {
    var words = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    hits.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var count = 0;
    all.forEach(function (s) {
      s.captions.forEach(function (c) {
        c.cues.forEach(function (cue) {
          var text = cue[2].toLowerCase();
          if (!words.every(function (w) { return text.indexOf(w) >= 0; })) return;
          if (++count > 200) return;
          var li = el("li"), b = row([{ text: s.number + " " + clock(cue[0]), muted: true }, { text: cue[2] }]);
          b.addEventListener("click", function () { language = c.language; open(s, cue[0], true); });
          li.appendChild(b);
          hits.appendChild(li);
        });
      });
    });
    status.textContent = count === 0 ? "Not said in any segment." : count + (count === 1 ? " place" : " places") + (count > 200 ? " (the first 200 shown)" : "");
  });

  var first = all.filter(function (s) { return s.src; })[0];
  if (first) open(first, 0, false);
})();
</script>
</body>
</html>
`;
}
