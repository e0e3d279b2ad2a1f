import fs from "node:fs";
import path from "node:path";
import { z } from "zod";

/** Debian's njs module (libnginx-mod-http-js); loaded by absolute path since `-p` moves the prefix. */
export const NJS_MODULE = "/usr/lib/nginx/modules/ngx_http_js_module.so";

const ZAbsoluteFile = z.string().min(1).refine((p) => path.isAbsolute(p), "must be an absolute path");

const ZHostPort = z
  .string()
  .regex(/^(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/, "must be host:port, e.g. 127.0.0.1:3000");

/** What one Lectern nginx config needs; validated so a bad value never reaches nginx -t. */
export const ZNginxConfig = z.object({
  /** A writable directory for pid, logs and temp files. */
  prefix: z.string().min(1).refine((p) => path.isAbsolute(p), "must be an absolute path"),
  /** host:port (or port) nginx listens on. */
  listen: z.string().regex(/^(?:(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):)?\d{1,5}$/, "must be port or host:port"),
  /** The `next start` instances, host:port each; requests are balanced across them. */
  upstreams: z.array(ZHostPort).min(1, "at least one --upstream host:port"),
  mediaRoot: z.string().min(1).refine((p) => path.isAbsolute(p), "must be an absolute path"),
  /** app: the app authorises /media/ (X-Accel-Redirect); njs: nginx verifies tokens itself. */
  mode: z.enum(["app", "njs"]),
  workers: z.union([z.literal("auto"), z.number().int().min(1).max(256)]).default("auto"),
  /**
   * njs mode: write `load_module` (a standalone config). Debian's own /etc/nginx/nginx.conf
   * already loads njs from modules-enabled/, where a second load_module fails.
   */
  loadNjsModule: z.boolean().default(true),
  /** An access log recording which upstream served each request ("-": nginx itself). */
  accessLog: z.boolean().default(true),
  /** Extra server-level directives (the bench adds a public static location). */
  extra: z.string().default(""),
  /**
   * TLS with HTTP/2 on the listen address: one connection carries the page, its scripts and the
   * video (HTTP/1.1 queues them on six per host: ADR 008, "HTTP/2 at the front, measured").
   */
  tls: z.object({ cert: ZAbsoluteFile, key: ZAbsoluteFile }).optional(),
  /**
   * How this nginx turns HTTP/2 on: `http2 on;` (≥ 1.25.1) or `listen … ssl http2` (older; still
   * accepted by newer ones with a deprecation warning). `http2SyntaxOf(nginx -v)` picks it.
   */
  http2Syntax: z.enum(["directive", "listen"]).default("listen"),
});
export type TNginxConfig = z.input<typeof ZNginxConfig>;

/**
 * deploy/nginx/<file> with every {{NAME}} filled, except in comment lines (which name the
 * placeholders to document them; a multi-line value there would become live directives).
 */
export function renderTemplate(values: Record<string, string>, file: string): string {
  const template = fs.readFileSync(path.join(__dirname, file), "utf8");
  return template
    .split("\n")
    .map((line) =>
      /^\s*#/.test(line)
        ? line
        : line.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
            if (!(name in values)) throw new Error(`nginx template ${file}: no value for {{${name}}}`);
            return values[name]!;
          }),
    )
    .join("\n");
}

/**
 * The HTTP/2 syntax of an nginx, from what `nginx -v` prints ("nginx version: nginx/1.22.1"):
 * `http2 on;` exists from 1.25.1 on. Unknown (no nginx here): the `listen` form every version with
 * HTTP/2 accepts.
 */
export function http2SyntaxOf(versionOutput: string | null): "directive" | "listen" {
  const m = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(versionOutput ?? "");
  if (!m) return "listen";
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return major > 1 || minor > 25 || (minor === 25 && patch >= 1) ? "directive" : "listen";
}

/**
 * `--tls-cert` and `--tls-key` (paths as given) into the renderer's `tls`, or an error naming the
 * option: both or neither, each an existing file.
 */
export function tlsFromOptions(
  options: { "tls-cert"?: string; "tls-key"?: string },
  resolve: (p: string) => string = (p) => path.resolve(p),
  isFile: (p: string) => boolean = (p) => fs.statSync(p, { throwIfNoEntry: false })?.isFile() ?? false,
): { cert: string; key: string } | undefined {
  const cert = options["tls-cert"];
  const key = options["tls-key"];
  if (cert === undefined && key === undefined) return undefined;
  if (cert === undefined) throw new Error("--tls-key needs --tls-cert too (the certificate chain, PEM)");
  if (key === undefined) throw new Error("--tls-cert needs --tls-key too (the certificate's private key, PEM)");
  const files = { cert: resolve(cert), key: resolve(key) };
  if (!isFile(files.cert)) throw new Error(`--tls-cert: no file at ${files.cert}`);
  if (!isFile(files.key)) throw new Error(`--tls-key: no file at ${files.key}`);
  return files;
}

/** Server-level TLS lines (after `listen … ssl`). */
function tlsDirectives(tls: { cert: string; key: string }, http2Syntax: "directive" | "listen"): string {
  return [
    `ssl_certificate ${tls.cert};`,
    `ssl_certificate_key ${tls.key};`,
    "ssl_protocols TLSv1.2 TLSv1.3;",
    "ssl_session_cache shared:lectern_tls:10m;",
    "ssl_session_timeout 1d;",
    ...(http2Syntax === "directive" ? ["http2 on;"] : []),
  ].join("\n    ");
}

/** The complete nginx.conf for Lectern: N upstream instances, the chosen /media/ mode. */
export function renderNginxConfig(input: TNginxConfig): string {
  const c = ZNginxConfig.parse(input);
  const mediaRoot = c.mediaRoot.endsWith("/") ? c.mediaRoot : `${c.mediaRoot}/`;
  const njs = c.mode === "njs";
  const main = njs ? [...(c.loadNjsModule ? [`load_module ${NJS_MODULE};`] : []), "env LECTERN_MEDIA_KEY;"].join("\n") : "";
  const accessLog = c.accessLog
    ? [
        // $upstream_addr is the instance that answered ("-" when nginx served the request itself:
        // njs media, the X-Accel-Redirect file after the app's answer shows the app).
        `log_format lectern '$remote_addr [$time_local] "$request" $status $body_bytes_sent '`,
        `                   'rt=$request_time upstream=$upstream_addr ust=$upstream_status';`,
        `  access_log ${c.prefix}/access.log lectern;`,
      ].join("\n")
    : "access_log off;";
  return renderTemplate(
    {
      PREFIX: c.prefix,
      LISTEN: c.tls ? `${c.listen} ssl${c.http2Syntax === "listen" ? " http2" : ""}` : c.listen,
      TLS: c.tls ? tlsDirectives(c.tls, c.http2Syntax) : "",
      UPSTREAMS: c.upstreams.map((u) => `server ${u} max_fails=1 fail_timeout=5s;`).join("\n    "),
      MEDIA_ROOT: mediaRoot,
      WORKERS: String(c.workers),
      MAIN: main,
      ACCESS_LOG: accessLog,
      MEDIA: njs ? renderTemplate({ NJS_DIR: __dirname, MEDIA_ROOT: mediaRoot }, "media-njs.conf.template") : "",
      EXTRA: c.extra,
    },
    "nginx.conf.template",
  );
}
