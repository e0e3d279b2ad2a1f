// The watch page behind nginx with TLS and HTTP/2 (issue 12, ADR 008 "HTTP/2 at the front,
// measured"): a throw-away self-signed certificate in a temp folder, an app instance configured
// as behind a TLS proxy (APP_URL = the https origin, TRUSTED_PROXY_HOPS=1, MEDIA_OFFLOAD=nginx),
// nginx from deploy/nginx (njs mode: nginx verifies the media tokens and sends the MP4 itself)
// and, on the same nginx, a bare <video> page of the same MP4 (`/bare/`): both behind one front.
// The same server also listens on a plain-HTTP port (HTTP/1.1), for the comparison without TLS.
// Used by bench/player.ts; run alone for bench/startup-trace.ts:
//
//   DATABASE_URL=file:./data/e2e.db npx tsx bench/tls-front.ts [nginx port] [app port]
//   → prints the https base, the bare page, the certificate; Ctrl-C stops everything.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, njsAvailable, startNginx } from "../deploy/nginx/run-nginx";
import { selfSignedCert } from "../deploy/nginx/self-signed-cert";
import { deriveMediaKey } from "../lib/media/media-key";
import { startAppServer } from "./server";

export type TTlsFront = {
  /** https://127.0.0.1:<port>: the app through nginx. */
  baseUrl: string;
  /** The bare <video> page of the same MP4 on the same nginx. */
  bareUrl: string;
  /**
   * The same nginx, server and app on a second, plain-HTTP port (HTTP/1.1, no TLS): what HTTP/2
   * changes, with everything else equal (njs media, the same instance).
   */
  plainBaseUrl: string;
  plainBareUrl: string;
  /** The certificate's SPKI hash for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  certFile: string;
  stop(): Promise<void>;
};

export type TTlsFrontOptions = {
  databaseUrl: string;
  /** The app's LECTERN_SECRET (nginx gets the media key derived from it). */
  secret: string;
  mediaRoot: string;
  /** The MP4 the bare page plays (the watch page's own, for a fair comparison). */
  mp4: string;
  port?: number;
  appPort?: number;
};

export async function startTlsFront(options: TTlsFrontOptions): Promise<TTlsFront> {
  if (!njsAvailable()) throw new Error("nginx with njs is missing: scripts/ensure-packages.sh nginx:nginx-light /usr/lib/nginx/modules/ngx_http_js_module.so:libnginx-mod-http-js");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-bench-tls-"));
  const stops: (() => Promise<void> | void)[] = [() => fs.rmSync(dir, { recursive: true, force: true })];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    // nginx's workers may drop privileges: the bare page's folder must be readable by them.
    fs.chmodSync(dir, 0o755);
    const cert = selfSignedCert(dir);
    const www = path.join(dir, "www");
    fs.mkdirSync(www, { mode: 0o755 });
    fs.copyFileSync(options.mp4, path.join(www, "video.mp4"));
    fs.chmodSync(path.join(www, "video.mp4"), 0o644);
    // The same page as bench/player.ts's bare nginx serves.
    fs.writeFileSync(
      path.join(www, "index.html"),
      '<!doctype html><html lang="en"><meta charset="utf-8"><title>bare video</title>' +
        '<video src="video.mp4" autoplay playsinline preload="auto" width="1280" height="720"></video></html>\n',
      { mode: 0o644 },
    );
    const port = options.port ?? (await freePort());
    const plainPort = await freePort();
    const origin = `https://127.0.0.1:${port}`;
    const app = await startAppServer(options.appPort ?? (await freePort()), {
      DATABASE_URL: options.databaseUrl,
      LECTERN_SECRET: options.secret,
      MEDIA_ROOT: options.mediaRoot,
      // What a deployment behind a TLS proxy sets (deploy/nginx/README.md).
      APP_URL: origin,
      TRUSTED_PROXY_HOPS: "1",
      MEDIA_OFFLOAD: "nginx",
    });
    stops.push(() => app.stop());
    const nginx = await startNginx({
      app: app.baseUrl.replace(/^http:\/\//, ""),
      mediaRoot: options.mediaRoot,
      port,
      // As the bare page's nginx in bench/player.ts.
      workers: 1,
      mediaAuth: "njs",
      secret: deriveMediaKey(options.secret),
      tls: { cert: cert.cert, key: cert.key },
      extra: [`listen 127.0.0.1:${plainPort};`, `location /bare/ { alias ${www}/; types { text/html html; video/mp4 mp4; } }`].join("\n    "),
    });
    stops.push(() => nginx.stop());
    const plainBaseUrl = `http://127.0.0.1:${plainPort}`;
    return {
      baseUrl: nginx.baseUrl,
      bareUrl: `${nginx.baseUrl}/bare/index.html`,
      plainBaseUrl,
      plainBareUrl: `${plainBaseUrl}/bare/index.html`,
      spki: cert.spki,
      certFile: cert.cert,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function main() {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("DATABASE_URL is required (a seeded database, e.g. file:./data/e2e.db)");
  const [port, appPort] = process.argv.slice(2).map(Number);
  const mediaRoot = path.resolve(process.env.MEDIA_ROOT ?? "media");
  const front = await startTlsFront({
    databaseUrl,
    secret: process.env.LECTERN_SECRET ?? "bench-secret-0123456789abcdef0123456789",
    mediaRoot,
    mp4: path.join(mediaRoot, "enterprise-software-with-python/overview/video.mp4"),
    ...(port ? { port } : {}),
    ...(appPort ? { appPort } : {}),
  });
  console.log(`app through nginx (TLS, HTTP/2): ${front.baseUrl}\nbare <video>: ${front.bareUrl}\ncertificate: ${front.certFile}`);
  console.log(`the same, plain HTTP/1.1: ${front.plainBaseUrl} (bare: ${front.plainBareUrl})`);
  console.log(`trace: TRACE_CERT=${front.certFile} TRACE_BARE_URL=${front.bareUrl} TRACE_NO_ROUTE=1 npx tsx bench/startup-trace.ts ${front.baseUrl} 5 as-is`);
  const end = () => void front.stop().then(() => process.exit(0));
  process.once("SIGINT", end);
  process.once("SIGTERM", end);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
