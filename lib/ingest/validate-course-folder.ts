import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ZCourseManifest, type TCourseManifest } from "./course-manifest";
import { loadSourceCaptions } from "./find-source-captions";
import { inspectImage } from "./inspect-image";
import { inspectSource, type TSourceFacts } from "./inspect-source";
import { formatIssuePath } from "./load-course-manifest";

export const MANIFEST_FILE = "course.yaml";

/** One thing to fix before a course can be imported: where (file + field path), what, and how. */
export type TImportProblem = { file: string; field: string; message: string; fix: string };

export type TCourseFolderCheck =
  | { ok: true; manifest: TCourseManifest; sources: Map<string, TSourceFacts> }
  | { ok: false; problems: TImportProblem[] };

/** A path as a person would type it: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

/** `content/c/course.yaml: parts[0].title: must not be empty — fix: …` */
export function formatProblem(p: TImportProblem): string {
  return `${p.file}${p.field ? `: ${p.field}` : ""}: ${p.message} — fix: ${p.fix}`;
}

function fixForIssue(issue: z.core.$ZodIssue): string {
  const field = String(issue.path.at(-1) ?? "");
  if (issue.code === "unrecognized_keys") return `remove ${issue.keys.join(", ")} or correct the spelling (see the README's "Authoring a course")`;
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message)) return `add \`${field}:\``;
  if (issue.code === "invalid_type") return `give \`${field}\` a value of the expected type`;
  if (/duplicate/.test(issue.message)) return "give each one its own slug (slugs keep ids, purchases and progress stable)";
  if (field === "slug") return "use lowercase letters, digits and single hyphens, e.g. what-is-python";
  if (issue.code === "too_small" && issue.origin === "array") return `list at least ${issue.minimum} under \`${field}:\``;
  if (issue.code === "too_small" && issue.origin === "string") return `write a ${field}`;
  return `correct \`${field || "the manifest"}\``;
}

function fixForSource(reason: string): string {
  if (reason === "file not found") return "check the path (relative to course.yaml) or put the recording there";
  if (/no video stream/.test(reason)) return "point `source` at a video file";
  if (/still image/.test(reason)) return "point `source` at a video, not a picture";
  if (/empty|truncated|moov atom not found/.test(reason)) return "copy or export the recording again; this copy is incomplete";
  if (/not installed/.test(reason)) return "install ffmpeg (apt-get install -y ffmpeg)";
  return "re-export it as MP4 (H.264 + AAC) or another format ffmpeg reads";
}

/** `source` fields of parts[*].segments[*], read from the raw YAML so they are checked even when other fields are wrong. */
function rawSources(data: unknown): { field: string; source: string }[] {
  const out: { field: string; source: string }[] = [];
  const parts = (data as { parts?: unknown })?.parts;
  if (!Array.isArray(parts)) return out;
  parts.forEach((part, p) => {
    const segments = (part as { segments?: unknown })?.segments;
    if (!Array.isArray(segments)) return;
    segments.forEach((segment, s) => {
      const source = (segment as { source?: unknown })?.source;
      if (typeof source === "string" && source.trim()) out.push({ field: `parts[${p}].segments[${s}].source`, source: source.trim() });
    });
  });
  return out;
}

async function inParallel<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await fn(items[i]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Everything that can be known wrong about a course folder before any encode: the manifest
 * (YAML syntax, every schema issue) and every source it names (exists, ffmpeg can read it to
 * its end, has a video stream — lib/ingest/inspect-source.ts). Returns ALL problems at once.
 * `folder` must exist (the CLI checks it first).
 */
export async function validateCourseFolder(folder: string, options: { concurrency?: number } = {}): Promise<TCourseFolderCheck> {
  const file = path.join(folder, MANIFEST_FILE);
  const shown = displayPath(file);
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return {
      ok: false,
      problems: [{ file: shown, field: "", message: "no course.yaml in this folder", fix: `create ${shown} (see the README's "Authoring a course")` }],
    };
  }
  const problems: TImportProblem[] = [];
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length) {
    for (const e of document.errors) {
      const at = e.linePos?.[0];
      problems.push({
        file: `${shown}${at ? `:${at.line}:${at.col}` : ""}`,
        field: "",
        message: `YAML syntax error: ${e.message.replace(/\n[\s\S]*$/, "").replace(/ at line \d+, column \d+:?$/, "")}`,
        fix: "correct the YAML (indentation, quotes, a missing colon)",
      });
    }
    return { ok: false, problems };
  }
  const data = document.toJS();
  const parsed = ZCourseManifest.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const message = issue.code === "unrecognized_keys" ? `unknown field(s) ${issue.keys.join(", ")}` : issue.message;
      problems.push({ file: shown, field: formatIssuePath(issue.path), message, fix: fixForIssue(issue) });
    }
  }

  const directory = path.resolve(folder);
  const sources = rawSources(data);
  const sourceFacts = new Map<string, TSourceFacts>();
  const inspected = await inParallel(sources, options.concurrency ?? 4, async ({ field, source }) => ({
    field,
    source,
    result: await inspectSource(path.resolve(directory, source)),
  }));
  for (const { field, source, result } of inspected) {
    if (result.ok) {
      sourceFacts.set(source, result.facts);
      // Captions beside the source (<name>.srt, <name>.<lang>.vtt, …): every malformed cue, by line.
      const captions = loadSourceCaptions(path.resolve(directory, source));
      if (!captions.ok) {
        for (const problem of captions.problems) {
          const at = /^(.*?:\d+): (.*)$/.exec(problem) ?? /^(.*?): (.*)$/.exec(problem);
          problems.push({
            file: displayPath(at?.[1] ?? problem),
            field: `captions of ${field}`,
            message: at?.[2] ?? problem,
            fix: "correct the cue (a timing line like 00:00:01.000 --> 00:00:04.000, then its text) or remove the file",
          });
        }
      }
    }
    else problems.push({ file: displayPath(path.resolve(directory, source)), field, message: result.reason, fix: fixForSource(result.reason) });
  }
  // The landing page's images (cover, authors' photos): readable before anything is encoded.
  if (parsed.success) {
    const images = [
      ...(parsed.data.cover ? [{ field: "cover", file: parsed.data.cover }] : []),
      ...parsed.data.authors.flatMap((a, i) => (a.photo ? [{ field: `authors[${i}].photo`, file: a.photo }] : [])),
    ];
    for (const { field, file: image } of images) {
      const resolved = path.resolve(directory, image);
      const result = await inspectImage(resolved);
      if (!result.ok) {
        problems.push({
          file: displayPath(resolved),
          field,
          message: result.reason,
          fix: result.reason === "file not found" ? "check the path (relative to course.yaml) or put the image there" : "export it again as JPEG or PNG",
        });
      }
    }
  }
  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, manifest: { ...parsed.data, file: path.resolve(file), directory }, sources: sourceFacts };
}
