import fs from "node:fs";
import path from "node:path";

/** Every `<contentRoot>/<course>/course.yaml`, sorted by directory name. */
export function findCourseManifests(contentRoot: string): string[] {
  if (!fs.existsSync(contentRoot)) return [];
  return fs
    .readdirSync(contentRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(contentRoot, entry.name, "course.yaml"))
    .filter((file) => fs.existsSync(file))
    .sort();
}
