"use client";

import Link from "next/link";
import { useRef, useState } from "react";
import { Upload, type DetailedError } from "tus-js-client";

export type TUploadTargetOption = { segmentId: string; courseTitle: string; label: string; hasMedia: boolean };

type TKind = "video" | "captions";
type TState =
  | { phase: "idle" }
  | { phase: "uploading" | "paused"; sent: number; total: number; resumedAt?: number }
  | { phase: "done"; kind: TKind; jobId?: string; language?: string }
  | { phase: "error"; message: string };

const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000];

/**
 * Uploads a source video or a captions file for a segment with tus (docs/decisions/012): the
 * file goes in chunks, a dropped connection is retried from the server's offset, and after a
 * page reload choosing the same file again resumes it (tus-js-client keeps its upload URL in
 * localStorage under a fingerprint of segment, kind and file).
 */
export function SegmentUploader(props: {
  endpoint: string;
  chunkSize: number;
  maxVideoBytes: number;
  targets: TUploadTargetOption[];
  initialSegmentId?: string;
}) {
  const [segmentId, setSegmentId] = useState(props.initialSegmentId ?? props.targets[0]?.segmentId ?? "");
  const [kind, setKind] = useState<TKind>("video");
  const [language, setLanguage] = useState("en");
  const [state, setState] = useState<TState>({ phase: "idle" });
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useRef<Upload | null>(null);

  const courses = [...new Set(props.targets.map((t) => t.courseTitle))];

  async function start(event: React.FormEvent) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file || !segmentId) {
      setState({ phase: "error", message: "Choose a segment and a file first." });
      return;
    }
    if (kind === "video" && file.size > props.maxVideoBytes) {
      setState({ phase: "error", message: `${file.name} is larger than the upload limit (${formatBytes(props.maxVideoBytes)}).` });
      return;
    }
    const current = new Upload(file, {
      endpoint: props.endpoint,
      chunkSize: props.chunkSize,
      retryDelays: RETRY_DELAYS,
      removeFingerprintOnSuccess: true,
      // The same file for another segment (or as captions) is another upload.
      fingerprint: async (f) => ["lectern", segmentId, kind, f.name, f.type, f.size, f.lastModified].join(":"),
      metadata: {
        segmentId,
        kind,
        filename: file.name,
        filetype: file.type,
        ...(kind === "captions" ? { language } : {}),
      },
      onProgress(sent, total) {
        setState((s) => ({ phase: "uploading", sent, total, resumedAt: s.phase === "uploading" ? s.resumedAt : undefined }));
      },
      onError(error) {
        upload.current = null;
        setState({ phase: "error", message: describeError(error) });
      },
      onSuccess(payload) {
        upload.current = null;
        const jobId = payload.lastResponse.getHeader("Lectern-Job") ?? undefined;
        setState({ phase: "done", kind, jobId, language: kind === "captions" ? language : undefined });
        if (fileInput.current) fileInput.current.value = "";
      },
    });
    upload.current = current;
    const previous = await current.findPreviousUploads();
    const resumable = previous[0];
    if (resumable) current.resumeFromPreviousUpload(resumable);
    setState({ phase: "uploading", sent: 0, total: file.size, resumedAt: resumable ? -1 : undefined });
    current.start();
  }

  function pause() {
    void upload.current?.abort();
    setState((s) => (s.phase === "uploading" ? { ...s, phase: "paused" } : s));
  }
  function resume() {
    upload.current?.start();
    setState((s) => (s.phase === "paused" ? { ...s, phase: "uploading" } : s));
  }

  const busy = state.phase === "uploading" || state.phase === "paused";
  const percent = busy && state.total > 0 ? Math.floor((state.sent / state.total) * 100) : 0;

  return (
    <form className="uploader" onSubmit={start}>
      <label className="uploader__field">
        <span>Segment</span>
        <select className="field-input" value={segmentId} onChange={(e) => setSegmentId(e.target.value)} disabled={busy} name="segmentId">
          {courses.map((course) => (
            <optgroup key={course} label={course}>
              {props.targets
                .filter((t) => t.courseTitle === course)
                .map((t) => (
                  <option key={t.segmentId} value={t.segmentId}>
                    {t.label}
                    {t.hasMedia ? "" : " (no video yet)"}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </label>

      <fieldset className="uploader__kind" disabled={busy}>
        <legend>What it is</legend>
        <label>
          <input type="radio" name="kind" value="video" checked={kind === "video"} onChange={() => setKind("video")} /> Source video
        </label>
        <label>
          <input type="radio" name="kind" value="captions" checked={kind === "captions"} onChange={() => setKind("captions")} /> Captions (.vtt or .srt)
        </label>
        {kind === "captions" ? (
          <label className="uploader__language">
            <span>Language</span>
            <input className="field-input" value={language} onChange={(e) => setLanguage(e.target.value.trim())} pattern="[a-z]{2,3}(-[A-Za-z0-9]{2,8})?" required size={6} name="language" />
          </label>
        ) : null}
      </fieldset>

      <div className="uploader__field">
        <label htmlFor="upload-file">File</label>
        <input
          id="upload-file"
          ref={fileInput}
          type="file"
          name="file"
          required
          disabled={busy}
          aria-describedby="upload-file-hint"
          accept={kind === "video" ? "video/*,.mkv,.mov,.mp4,.m4v,.webm,.avi,.mts" : ".vtt,.srt,text/vtt"}
        />
        <span className="hint" id="upload-file-hint">
          {kind === "video"
            ? `Up to ${formatBytes(props.maxVideoBytes)}. It is transcoded by the worker; the segment switches to it when that succeeds. An interrupted upload resumes when you choose the same file again.`
            : "Shown at once as the segment's captions in that language (SRT is converted to WebVTT)."}
        </span>
      </div>

      <div className="uploader__actions">
        {state.phase === "uploading" ? (
          <button type="button" className="button" onClick={pause}>
            Pause
          </button>
        ) : state.phase === "paused" ? (
          <button type="button" className="button button--primary" onClick={resume}>
            Resume
          </button>
        ) : (
          <button type="submit" className="button button--primary">
            Upload
          </button>
        )}
      </div>

      {busy ? (
        <div className="uploader__progress" role="status">
          <progress max={100} value={percent} aria-label="Upload progress" />
          <span>
            {percent} % · {formatBytes(state.sent)} of {formatBytes(state.total)}
            {state.phase === "paused" ? " · paused" : ""}
            {state.resumedAt ? " · resuming an earlier upload of this file" : ""}
          </span>
        </div>
      ) : null}
      {state.phase === "done" ? (
        <p className="form-success" role="status">
          {state.kind === "video" ? (
            <>
              Uploaded. The transcode is queued{state.jobId ? ` (job ${state.jobId})` : ""}: <Link href="/admin/jobs">follow it on the jobs page</Link>.
            </>
          ) : (
            <>Captions ({state.language}) are live for this segment.</>
          )}
        </p>
      ) : null}
      {state.phase === "error" ? (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** The server's own words: tus answers in text, the admin check in JSON ({ error: { message } }). */
function describeError(error: Error | DetailedError): string {
  const response = "originalResponse" in error ? error.originalResponse : null;
  const body = response?.getBody()?.trim();
  if (body) {
    try {
      const parsed = JSON.parse(body) as { error?: { message?: string } };
      if (parsed.error?.message) return parsed.error.message;
    } catch {
      // plain text from tus
    }
    return body;
  }
  return response ? `The upload failed (HTTP ${response.getStatus()}).` : "The connection dropped and did not come back; choose the file again to resume.";
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
