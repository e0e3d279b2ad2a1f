/**
 * The one line an admin sees for a failed job: ffmpeg's (or ffprobe's) own reason, with the
 * server's paths replaced by the name of the uploaded file and without the command line,
 * e.g. "lecture.mp4: moov atom not found; Invalid data found when processing input".
 * The pipeline's errors carry stderr's tail over several lines (lib/ingest/run-ffmpeg.ts,
 * probe-media.ts); this keeps the last distinct reasons and drops the rest.
 */
export function describeJobFailure(error: unknown, source: { absolutePath: string; name: string }): string {
  const text = error instanceof Error ? error.message : String(error);
  const reasons: string[] = [];
  for (const raw of text.replaceAll(source.absolutePath, source.name).split("\n")) {
    let line = raw.trim();
    if (!line || /^args:/.test(line) || /^Command failed:/.test(line)) continue;
    // "[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55f3d19f51c0] moov atom not found"
    line = line.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, "");
    // "Media for c/s failed: ffmpeg exited with 1:" / "ffprobe could not read x: Command failed: …"
    line = line.replace(/^Media for \S+ failed:\s*/, "");
    line = line.replace(/^ffprobe could not read .*?: Command failed:.*$/, "");
    line = line.replace(/^ffmpeg exited with \S+:?$/, "");
    // "lecture.mp4: Invalid data found…" → the reason; the file is named once, in front.
    if (line.startsWith(`${source.name}: `)) line = line.slice(source.name.length + 2);
    line = line.trim();
    if (line && !reasons.includes(line)) reasons.push(line);
  }
  const reason = reasons.slice(-2).join("; ") || "the transcode failed without a reason";
  return `${source.name}: ${reason}`.replace(/\s+/g, " ").slice(0, 500);
}
