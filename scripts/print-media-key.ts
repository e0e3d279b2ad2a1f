// `npm run media-key`: prints the media signing key derived from LECTERN_SECRET (read from the
// environment or .env), for nginx's environment in njs mode (deploy/nginx/README.md).
import fs from "node:fs";
import { deriveMediaKey } from "../lib/media/media-key";

const fromDotEnv = fs.existsSync(".env")
  ? /^LECTERN_SECRET=(.+)$/m.exec(fs.readFileSync(".env", "utf8"))?.[1]?.trim()
  : undefined;
const secret = process.env.LECTERN_SECRET ?? fromDotEnv;
if (!secret || secret.length < 32) {
  console.error("media-key: LECTERN_SECRET (32+ characters) is not set in the environment or .env");
  process.exit(1);
}
console.log(deriveMediaKey(secret));
