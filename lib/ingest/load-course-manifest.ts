import fs from "node:fs";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import { ZCourseManifest, type TCourseManifest } from "./course-manifest";

/** A manifest that cannot be used; the message names the file, the field path and the problem. */
export class ManifestError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Invalid course manifest ${file}:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ManifestError";
  }
}

/** `["parts", 2, "segments", 0, "slug"]` → `parts[2].segments[0].slug` */
export function formatIssuePath(issuePath: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of issuePath) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = formatIssuePath(issue.path);
  if (issue.code === "unrecognized_keys") return `${where}: unknown field(s) ${issue.keys.join(", ")}`;
  return `${where}: ${issue.message}`;
}

/** Validates already-parsed YAML; `file` is used for messages and to resolve `source` paths. */
export function parseCourseManifest(data: unknown, file: string): TCourseManifest {
  const parsed = ZCourseManifest.safeParse(data);
  if (!parsed.success) throw new ManifestError(file, parsed.error.issues.map(describeIssue));
  const directory = path.dirname(path.resolve(file));
  const problems: string[] = [];
  parsed.data.parts.forEach((part, p) =>
    part.segments.forEach((segment, s) => {
      if (!segment.source) return;
      const resolved = path.resolve(directory, segment.source);
      if (!fs.existsSync(resolved)) {
        problems.push(`parts[${p}].segments[${s}].source: file not found: ${resolved}`);
      }
    }),
  );
  const image = (where: string, relative: string | undefined) => {
    if (!relative) return;
    const resolved = path.resolve(directory, relative);
    if (!fs.existsSync(resolved)) problems.push(`${where}: file not found: ${resolved}`);
  };
  image("cover", parsed.data.cover);
  parsed.data.authors.forEach((author, a) => image(`authors[${a}].photo`, author.photo));
  if (problems.length) throw new ManifestError(file, problems);
  return { ...parsed.data, file: path.resolve(file), directory };
}

/** Reads and validates `content/<course>/course.yaml`. */
export function loadCourseManifest(file: string): TCourseManifest {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    throw new ManifestError(file, [`cannot read file: ${(error as Error).message}`]);
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length) {
    throw new ManifestError(
      file,
      document.errors.map((e) => `YAML syntax error: ${e.message.replace(/\n[\s\S]*$/, "")}`),
    );
  }
  return parseCourseManifest(document.toJS(), file);
}
