import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export type TNginxOptions = {
  /** host:port of the app nginx proxies to. */
  app: string;
  mediaRoot: string;
  /** Default: a free loopback port. */
  port?: number;
  workers?: number;
  /** Extra server-level directives (the bench adds a public static location). */
  extra?: string;
  /**
   * Who authorises /media/: the app (default; X-Accel-Redirect when it runs with
   * MEDIA_OFFLOAD=nginx) or nginx itself through njs (deploy/nginx/lectern-media.js), which then
   * needs the app's `secret` (handed to nginx in its environment as LECTERN_MEDIA_KEY).
   */
  mediaAuth?: "app" | "njs";
  secret?: string;
};

export type TRunningNginx = { baseUrl: string; prefix: string; stop(): Promise<void> };

export function nginxAvailable(): boolean {
  return spawnSync("nginx", ["-v"], { stdio: "ignore" }).status === 0;
}

/** Debian's njs module (libnginx-mod-http-js); loaded by absolute path since `-p` moves the prefix. */
export const NJS_MODULE = "/usr/lib/nginx/modules/ngx_http_js_module.so";

export function njsAvailable(): boolean {
  return nginxAvailable() && fs.existsSync(NJS_MODULE);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * deploy/nginx/<file> with every {{NAME}} filled, except in comment lines (which name the
 * placeholders to document them; a multi-line value there would become live directives).
 */
export function renderNginxConf(values: Record<string, string>, file = "nginx.conf.template"): string {
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
 * Starts Debian's nginx in the foreground (`daemon off`) with its own prefix and config in a
 * temporary directory, on a loopback port; `stop()` ends it (SIGQUIT, then SIGKILL) and
 * removes the directory. For tests and the bench; production uses the same template.
 */
export async function startNginx(options: TNginxOptions): Promise<TRunningNginx> {
  // System packages are installed by scripts/ (npm test runs ensure-packages.sh), never from
  // here: a missing nginx fails loudly with the command that installs it.
  if (!nginxAvailable()) throw new Error("nginx is not installed: run scripts/ensure-packages.sh nginx:nginx-light");
  if (options.mediaAuth === "njs" && !fs.existsSync(NJS_MODULE)) {
    throw new Error(`nginx's njs module is not installed: run scripts/ensure-packages.sh ${NJS_MODULE}:libnginx-mod-http-js`);
  }
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-nginx-"));
  // Workers run as an unprivileged user when nginx starts as root: they must reach the temp
  // directories (and MEDIA_ROOT must be readable by them).
  fs.chmodSync(prefix, 0o755);
  for (const dir of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(path.join(prefix, "tmp", dir), { recursive: true, mode: 0o777 });
  const port = options.port ?? (await freePort());
  const conf = path.join(prefix, "nginx.conf");
  const mediaRoot = `${path.resolve(options.mediaRoot)}/`;
  const njs = options.mediaAuth === "njs";
  if (njs && (!options.secret || options.secret.length < 32)) throw new Error("startNginx: mediaAuth njs needs the app's secret (32+ characters)");
  fs.writeFileSync(
    conf,
    renderNginxConf({
      PREFIX: prefix,
      LISTEN: `127.0.0.1:${port}`,
      APP: options.app,
      MEDIA_ROOT: mediaRoot,
      WORKERS: String(options.workers ?? 1),
      MAIN: njs ? `load_module ${NJS_MODULE};\nenv LECTERN_MEDIA_KEY;` : "",
      MEDIA: njs ? renderNginxConf({ NJS_DIR: __dirname, MEDIA_ROOT: mediaRoot }, "media-njs.conf.template") : "",
      EXTRA: options.extra ?? "",
    }),
  );
  // nginx keeps only the variables its config names with `env` (LECTERN_MEDIA_KEY in njs mode).
  const env: NodeJS.ProcessEnv = njs ? { ...process.env, LECTERN_MEDIA_KEY: options.secret } : process.env;
  const check = spawnSync("nginx", ["-t", "-q", "-p", prefix, "-c", conf, "-e", path.join(prefix, "error.log")], { encoding: "utf8", env });
  if (check.status !== 0) {
    fs.rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx -t failed:\n${check.stderr}`);
  }
  const child: ChildProcess = spawn("nginx", ["-p", prefix, "-c", conf, "-e", path.join(prefix, "error.log"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
    env,
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr += c.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${stderr}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (up) break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${baseUrl}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    baseUrl,
    prefix,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGQUIT");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}
