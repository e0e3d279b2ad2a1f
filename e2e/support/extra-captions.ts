// `tsx e2e/support/extra-captions.ts add|remove <course> <segment> <lang> [vtt-file]`: gives a
// seeded segment a second captions language (the file under MEDIA_ROOT plus its MediaAsset
// row, as the importer writes them) or takes it away again. A separate process because
// Playwright's TypeScript loader cannot load the generated (ESM) Prisma client; tsx can.
import fs from "node:fs";
import path from "node:path";
import { createDb } from "../../lib/db";
import { assetId } from "../../lib/ingest/stable-id";

async function main() {
  const [action, courseSlug, segmentSlug, language, vttFile] = process.argv.slice(2);
  if (!courseSlug || !segmentSlug || !language || (action !== "add" && action !== "remove") || (action === "add" && !vttFile)) {
    throw new Error("usage: extra-captions.ts add|remove <course> <segment> <lang> [vtt-file]");
  }
  const mediaRoot = path.resolve(process.env.MEDIA_ROOT ?? "media");
  const rel = `${courseSlug}/${segmentSlug}/captions.${language}.vtt`;
  const db = createDb(process.env.E2E_DATABASE_URL ?? "file:./data/e2e.db");
  try {
    const segment = await db.segment.findFirstOrThrow({ where: { slug: segmentSlug, course: { slug: courseSlug } }, select: { id: true } });
    const id = assetId(courseSlug, segmentSlug, "captions", language);
    if (action === "remove") {
      await db.mediaAsset.deleteMany({ where: { id } });
      fs.rmSync(path.join(mediaRoot, rel), { force: true });
      return;
    }
    const vtt = fs.readFileSync(vttFile!);
    fs.writeFileSync(path.join(mediaRoot, rel), vtt);
    const data = { kind: "captions", label: language, path: rel, mimeType: "text/vtt", bytes: vtt.length, language };
    await db.mediaAsset.upsert({ where: { id }, create: { id, segmentId: segment.id, ...data }, update: data, select: { id: true } });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
