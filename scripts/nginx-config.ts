// `npm run -s nginx:config -- --mode njs --upstream 127.0.0.1:3000 --upstream 127.0.0.1:3001 \
//    --listen 8080 --media-root /srv/lectern/media --prefix /var/lib/lectern-nginx --out /etc/lectern/nginx.conf`
// Writes a complete nginx config for Lectern (deploy/nginx/render-config.ts, the renderer the
// tests and the bench use), creates its temp folders and checks it with `nginx -t`.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { http2SyntaxOf, renderNginxConfig, tlsFromOptions } from "../deploy/nginx/render-config";

const HELP = `Usage: npm run -s nginx:config -- [options]

  --mode app|njs        who authorises /media/: the app (X-Accel-Redirect; run the app with
                        MEDIA_OFFLOAD=nginx) or nginx itself (njs; needs libnginx-mod-http-js and
                        LECTERN_MEDIA_KEY from \`npm run -s media-key\` in nginx's environment)
  --upstream HOST:PORT  a \`next start\` instance; repeat for each (requests are balanced)
  --listen [HOST:]PORT  where nginx listens (default 8080)
  --media-root DIR      absolute MEDIA_ROOT (default: MEDIA_ROOT or ./media, resolved)
  --prefix DIR          writable folder for pid, logs, temp files (default /var/lib/lectern-nginx)
  --workers N|auto      worker_processes (default auto)
  --no-load-module      njs mode inside Debian's /etc/nginx/nginx.conf, which loads njs already
  --no-access-log       no access log (by default {prefix}/access.log records the upstream)
  --tls-cert FILE       listen with TLS and HTTP/2: the certificate chain (PEM); needs --tls-key.
                        Then run the app with APP_URL=https://<public host>
  --tls-key FILE        the certificate's private key (PEM; readable by nginx's master, root)
  --out FILE            write here (and check with nginx -t); default: print to stdout
`;

function fail(message: string): never {
  process.stderr.write(`nginx:config: ${message}\n`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      mode: { type: "string", default: "njs" },
      upstream: { type: "string", multiple: true },
      listen: { type: "string", default: "8080" },
      "media-root": { type: "string" },
      prefix: { type: "string", default: "/var/lib/lectern-nginx" },
      workers: { type: "string", default: "auto" },
      "no-load-module": { type: "boolean", default: false },
      "no-access-log": { type: "boolean", default: false },
      "tls-cert": { type: "string" },
      "tls-key": { type: "string" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${(error as Error).message}\n\n${HELP}`);
}
if (args.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

let tls: { cert: string; key: string } | undefined;
try {
  tls = tlsFromOptions(args);
} catch (error) {
  fail((error as Error).message);
}
// `http2 on;` from nginx 1.25.1, `listen … ssl http2` before: this machine's nginx decides (without
// one, the listen form, which newer versions still accept with a warning).
const version = tls ? spawnSync("nginx", ["-v"], { encoding: "utf8" }) : null;

let config: string;
try {
  config = renderNginxConfig({
    mode: args.mode as "app" | "njs",
    upstreams: args.upstream ?? [],
    listen: args.listen,
    mediaRoot: path.resolve(args["media-root"] ?? process.env.MEDIA_ROOT ?? "media"),
    prefix: path.resolve(args.prefix),
    workers: args.workers === "auto" ? "auto" : Number(args.workers),
    loadNjsModule: !args["no-load-module"],
    accessLog: !args["no-access-log"],
    ...(tls ? { tls, http2Syntax: http2SyntaxOf(version?.status === 0 ? `${version.stderr}${version.stdout}` : null) } : {}),
  });
} catch (error) {
  if (error instanceof ZodError) {
    fail(error.issues.map((i) => `--${String(i.path[0] ?? "")} ${i.message}`.replace("--upstreams", "--upstream").replace("--mediaRoot", "--media-root")).join("\n"));
  }
  throw error;
}

if (!args.out) {
  process.stdout.write(config);
  process.exit(0);
}
const out = path.resolve(args.out);
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, config);
const prefix = path.resolve(args.prefix);
for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(prefix, "tmp", dir), { recursive: true });
process.stderr.write(`wrote ${out}\n`);
const check = spawnSync("nginx", ["-t", "-q", "-p", prefix, "-c", out, "-e", path.join(prefix, "error.log")], { encoding: "utf8" });
if (check.error) {
  process.stderr.write("nginx is not installed here: check the config with `nginx -t -c <file>` where it runs\n");
} else if (check.status !== 0) {
  fail(`nginx -t refused ${out}:\n${check.stderr}`);
} else {
  process.stderr.write(`nginx -t: ${out} is valid. Start: nginx -p ${prefix} -c ${out}\n`);
}
