import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import type { TCourseManifest } from "./course-manifest";
import {
  COURSE_IMAGES_VERSION,
  COVER_HEIGHT,
  COVER_WIDTH,
  PHOTO_SIZE,
  planGeneratedCover,
  planGeneratedPortrait,
  planScaledImage,
  type TImagePlan,
} from "./plan-course-images";
import { runFfmpeg } from "./run-ffmpeg";
import { COVER_SMALL_WIDTH } from "../catalog/course-image-urls";
import { authorId } from "./stable-id";

/** What the import stores: each image's content version (its URL's cache-busting part). */
export type TCourseImages = {
  coverVersion: string;
  /** author name → portrait version */
  photoVersions: Record<string, string>;
};

/** MEDIA_ROOT/<course>/cover.jpg — a file beside the segments' folders (slugs have no dots). */
export const COVER_FILE = "cover.jpg";
/** MEDIA_ROOT/<course>/cover-720w.jpg — the cover's smaller copy, scaled from cover.jpg. */
export const COVER_SMALL_FILE = `cover-${COVER_SMALL_WIDTH}w.jpg`;
/** MEDIA_ROOT/<course>/author-<author id>.jpg */
export const photoFileOf = (authorIdValue: string) => `author-${authorIdValue}.jpg`;
const STAMPS_FILE = "images.json";

const ZStamps = z.record(z.string(), z.strictObject({ key: z.string(), version: z.string() }));

async function hashFile(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function readStamps(dir: string): z.infer<typeof ZStamps> {
  try {
    return ZStamps.parse(JSON.parse(fs.readFileSync(path.join(dir, STAMPS_FILE), "utf8")));
  } catch {
    return {};
  }
}

/**
 * Makes the course's cover and its authors' portraits under MEDIA_ROOT/<course>/ (plan-course-images.ts)
 * and returns their versions. Cheap and cached: an image whose inputs (drawing version, text,
 * source file bytes) are unchanged is not redrawn. Files are written beside and renamed into
 * place, never rewritten in place (media may be hard-linked between checkouts).
 */
export async function ensureCourseImages(manifest: TCourseManifest, mediaRoot: string): Promise<TCourseImages> {
  const dir = path.join(mediaRoot, manifest.slug);
  fs.mkdirSync(dir, { recursive: true });
  const stamps = readStamps(dir);
  const fresh: typeof stamps = {};

  const ensure = async (file: string, plan: TImagePlan, source: string | undefined): Promise<string> => {
    const key = createHash("sha256")
      .update(JSON.stringify({ COURSE_IMAGES_VERSION, plan, source: source ? await hashFile(source) : null }))
      .digest("hex");
    const target = path.join(dir, file);
    const stamp = stamps[file];
    if (stamp && stamp.key === key && fs.existsSync(target)) {
      fresh[file] = stamp;
      return stamp.version;
    }
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-image-"));
    try {
      for (const t of plan.texts) fs.writeFileSync(path.join(work, t.file), t.text);
      const out = path.join(work, "out.jpg");
      await runFfmpeg([...plan.args, out], { cwd: work });
      const version = (await hashFile(out)).slice(0, 16);
      const staged = path.join(dir, `.${file}.${process.pid}.tmp`);
      fs.copyFileSync(out, staged);
      fs.renameSync(staged, target);
      fresh[file] = { key, version };
      return version;
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  };

  const sourceOf = (relative: string | undefined) => (relative ? path.resolve(manifest.directory, relative) : undefined);
  const coverSource = sourceOf(manifest.cover);
  const coverVersion = await ensure(
    COVER_FILE,
    coverSource
      ? planScaledImage(coverSource, COVER_WIDTH, COVER_HEIGHT)
      : planGeneratedCover({
          slug: manifest.slug,
          title: manifest.title,
          subtitle: manifest.subtitle,
          byline: manifest.authors.map((a) => a.name).join(", "),
        }),
    coverSource,
  );
  // Made from the cover itself (redrawn when its bytes change); served under the cover's version.
  const coverFile = path.join(dir, COVER_FILE);
  await ensure(
    COVER_SMALL_FILE,
    planScaledImage(coverFile, COVER_SMALL_WIDTH, Math.round((COVER_SMALL_WIDTH * COVER_HEIGHT) / COVER_WIDTH)),
    coverFile,
  );
  const photoVersions: Record<string, string> = {};
  for (const author of manifest.authors) {
    const source = sourceOf(author.photo);
    photoVersions[author.name] = await ensure(
      photoFileOf(authorId(manifest.slug, author.name)),
      source ? planScaledImage(source, PHOTO_SIZE, PHOTO_SIZE) : planGeneratedPortrait(author.name),
      source,
    );
  }
  // Only what this manifest uses stays stamped (a removed author's file is left, harmless).
  const staged = path.join(dir, `.${STAMPS_FILE}.${process.pid}.tmp`);
  fs.writeFileSync(staged, `${JSON.stringify(fresh, null, 2)}\n`);
  fs.renameSync(staged, path.join(dir, STAMPS_FILE));
  return { coverVersion, photoVersions };
}
