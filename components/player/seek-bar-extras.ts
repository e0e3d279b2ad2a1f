import { activeCueIndex, parseThumbnailCue, type TVttCue } from "@/lib/player/parse-webvtt";
import { formatClock } from "@/lib/player/format-clock";

type TPlayerLike = {
  el(): Element;
  duration(): number | undefined;
  on(event: string, fn: () => void): void;
};

/**
 * Chapter markers on video.js's seek bar and a hover preview above it (thumbnail from the
 * sprite, chapter name, time). Plain DOM inside the progress control, which video.js owns,
 * so React never touches these nodes. Returns a cleanup function.
 */
export function decorateSeekBar(
  player: TPlayerLike,
  { chapters, thumbnails, thumbnailsUrl }: { chapters: TVttCue[]; thumbnails: TVttCue[]; thumbnailsUrl: string | null },
): () => void {
  const root = player.el();
  const control = root.querySelector<HTMLElement>(".vjs-progress-control");
  const holder = root.querySelector<HTMLElement>(".vjs-progress-holder");
  if (!control || !holder) return () => {};
  const added: Element[] = [];

  const placeMarkers = () => {
    const duration = player.duration();
    if (!duration || !Number.isFinite(duration)) return;
    holder.querySelectorAll(".lectern-chapter-marker").forEach((m) => m.remove());
    for (const chapter of chapters) {
      if (chapter.start <= 0.05 || chapter.start >= duration) continue;
      const marker = document.createElement("div");
      marker.className = "lectern-chapter-marker";
      marker.style.left = `${(chapter.start / duration) * 100}%`;
      marker.setAttribute("aria-hidden", "true");
      marker.dataset.title = chapter.text;
      holder.appendChild(marker);
      added.push(marker);
    }
  };
  placeMarkers();
  player.on("loadedmetadata", placeMarkers);
  player.on("durationchange", placeMarkers);

  if (chapters.length === 0 && thumbnails.length === 0) return () => added.forEach((m) => m.remove());

  const preview = document.createElement("div");
  preview.className = "lectern-seek-preview";
  preview.setAttribute("aria-hidden", "true");
  preview.hidden = true;
  const image = document.createElement("div");
  image.className = "lectern-seek-preview__image";
  const title = document.createElement("div");
  title.className = "lectern-seek-preview__chapter";
  const time = document.createElement("div");
  time.className = "lectern-seek-preview__time";
  preview.append(image, title, time);
  control.appendChild(preview);
  added.push(preview);
  root.classList.add("lectern-has-seek-preview");

  const show = (event: MouseEvent) => {
    const duration = player.duration();
    if (!duration || !Number.isFinite(duration)) return;
    const rect = holder.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - rect.left) / rect.width));
    const at = fraction * duration;
    const chapter = chapters[activeCueIndex(chapters, at)];
    const thumb = thumbnails[activeCueIndex(thumbnails, at)];
    const tile = thumb && thumbnailsUrl ? parseThumbnailCue(thumb.text, new URL(thumbnailsUrl, location.href).toString()) : null;
    if (tile) {
      image.hidden = false;
      image.style.width = `${tile.w}px`;
      image.style.height = `${tile.h}px`;
      image.style.backgroundImage = `url("${tile.url}")`;
      image.style.backgroundPosition = `-${tile.x}px -${tile.y}px`;
    } else image.hidden = true;
    title.textContent = chapter?.text ?? "";
    title.hidden = !chapter;
    time.textContent = formatClock(at);
    preview.hidden = false;
    const controlRect = control.getBoundingClientRect();
    const half = preview.offsetWidth / 2;
    const x = Math.min(Math.max(event.clientX - controlRect.left, half), controlRect.width - half);
    preview.style.left = `${x}px`;
  };
  const hide = () => {
    preview.hidden = true;
  };
  control.addEventListener("mousemove", show);
  control.addEventListener("mouseleave", hide);
  return () => {
    control.removeEventListener("mousemove", show);
    control.removeEventListener("mouseleave", hide);
    added.forEach((m) => m.remove());
    root.classList.remove("lectern-has-seek-preview");
  };
}
