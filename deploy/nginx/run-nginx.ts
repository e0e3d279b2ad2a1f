import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { NJS_MODULE, http2SyntaxOf, renderNginxConfig } from "./render-config";

export type TNginxOptions = {
  /** host:port of the app nginx proxies to (several: balanced across them). */
  app: string | string[];
  mediaRoot: string;
  /** Default: a free loopback port. */
  port?: number;
  workers?: number;
  /** Extra server-level directives (the bench adds a public static location). */
  extra?: string;
  /** Log each request with the upstream that served it ({prefix}/access.log); off by default (bench). */
  accessLog?: boolean;
  /**
   * Who authorises /media/: the app (default; X-Accel-Redirect when it runs with
   * MEDIA_OFFLOAD=nginx) or nginx itself through njs (deploy/nginx/lectern-media.js), which then
   * needs the app's `secret` (handed to nginx in its environment as LECTERN_MEDIA_KEY).
   */
  mediaAuth?: "app" | "njs";
  secret?: string;
  /** Listen with TLS and HTTP/2 (PEM files; baseUrl is then https). */
  tls?: { cert: string; key: string };
};

export type TRunningNginx = { baseUrl: string; prefix: string; stop(): Promise<void> };

export function nginxAvailable(): boolean {
  return spawnSync("nginx", ["-v"], { stdio: "ignore" }).status === 0;
}

export { NJS_MODULE };

/** What `nginx -v` prints (on stderr), or null without nginx. */
export function nginxVersion(): string | null {
  const run = spawnSync("nginx", ["-v"], { encoding: "utf8" });
  return run.status === 0 ? `${run.stderr}${run.stdout}`.trim() : null;
}

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
    renderNginxConfig({
      prefix,
      listen: `127.0.0.1:${port}`,
      upstreams: Array.isArray(options.app) ? options.app : [options.app],
      mediaRoot,
      workers: options.workers ?? 1,
      mode: njs ? "njs" : "app",
      accessLog: options.accessLog ?? false,
      extra: options.extra ?? "",
      ...(options.tls ? { tls: options.tls, http2Syntax: http2SyntaxOf(nginxVersion()) } : {}),
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
  const baseUrl = `${options.tls ? "https" : "http"}://127.0.0.1:${port}`;
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
