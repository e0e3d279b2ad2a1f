// The production shape on one machine (issue 13): PostgreSQL, N `next start` instances of the
// same build, nginx in front (njs media, X-Accel downloads, TRUSTED_PROXY_HOPS=1), all on
// loopback. `npm run deploy:local` runs it until Ctrl-C; e2e/two-instances.spec.ts drives the
// learner's journey through it and kills an instance midway. Configured exactly as
// deploy/nginx/README.md tells an operator, so the documented path is the tested one.
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { deriveMediaKey } from "../../lib/media/media-key";
import { freePort, startNginx, type TRunningNginx } from "../nginx/run-nginx";
import { startNext } from "./start-next";

const root = path.resolve(__dirname, "../..");

export type TInstance = { name: string; port: number; process: ChildProcess; output(): string; kill(signal?: NodeJS.Signals): Promise<void> };
export type TLocalDeployment = {
  /** The public origin: nginx. */
  baseURL: string;
  databaseUrl: string;
  instances: TInstance[];
  nginx: TRunningNginx;
  /** nginx's access log: which instance (or nginx itself) served each request. */
  accessLog(): string;
  stop(): Promise<void>;
};

export type TLocalDeploymentOptions = {
  instances?: number;
  /** PostgreSQL port for scripts/postgres.sh (its own throw-away data directory). */
  pgPort?: number;
  secret?: string;
  mediaRoot?: string;
  log?: (line: string) => void;
};

function run(command: string, args: string[], env: Record<string, string>): string {
  return execFileSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

async function startInstance(name: string, env: Record<string, string>): Promise<TInstance> {
  const app = await startNext({ name, env });
  return { name, port: app.port, process: app.process, output: app.output, kill: (signal = "SIGKILL") => app.stop(signal) };
}

/** Starts PostgreSQL (migrated and seeded), the instances and nginx; the build must exist (.next). */
export async function startLocalDeployment(options: TLocalDeploymentOptions = {}): Promise<TLocalDeployment> {
  const log = options.log ?? (() => {});
  if (!fs.existsSync(path.join(root, ".next/BUILD_ID"))) throw new Error("no production build: run `node scripts/build-if-changed.mjs` first");
  const pgEnv = { PGPORT_LECTERN: String(options.pgPort ?? 54340) };
  const secret = options.secret ?? "local-deployment-secret-0123456789abcdef";
  const mediaRoot = path.resolve(options.mediaRoot ?? path.join(root, "media"));

  log("PostgreSQL: start, migrate, seed");
  run("bash", ["scripts/postgres.sh", "start"], pgEnv);
  const databaseUrl = run("bash", ["scripts/postgres.sh", "url"], pgEnv).trim();
  const stopPostgres = () => run("bash", ["scripts/postgres.sh", "stop"], pgEnv);
  const instances: TInstance[] = [];
  let nginx: TRunningNginx | undefined;
  try {
    run(path.join(root, "node_modules/.bin/prisma"), ["migrate", "deploy"], { DATABASE_URL: databaseUrl });
    run(path.join(root, "node_modules/.bin/prisma"), ["db", "seed"], { DATABASE_URL: databaseUrl, MEDIA_ROOT: mediaRoot });

    const nginxPort = await freePort();
    const baseURL = `http://127.0.0.1:${nginxPort}`;
    const appEnv: Record<string, string> = {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: databaseUrl,
      LECTERN_SECRET: secret,
      MEDIA_ROOT: mediaRoot,
      // The public origin people use (nginx), not the instance's own address (deploy/nginx/README.md).
      APP_URL: baseURL,
      TRUSTED_PROXY_HOPS: "1",
      MEDIA_OFFLOAD: "nginx",
    };
    const count = options.instances ?? 2;
    for (let i = 0; i < count; i++) {
      log(`app instance ${i + 1} of ${count}: next start`);
      instances.push(await startInstance(`instance-${i + 1}`, appEnv));
    }
    log("nginx: njs media, X-Accel downloads, access log");
    nginx = await startNginx({
      app: instances.map((i) => `127.0.0.1:${i.port}`),
      port: nginxPort,
      mediaRoot,
      mediaAuth: "njs",
      secret: deriveMediaKey(secret),
      accessLog: true,
      workers: 1,
    });
    const started = nginx;
    return {
      baseURL,
      databaseUrl,
      instances,
      nginx: started,
      accessLog: () => fs.readFileSync(path.join(started.prefix, "access.log"), "utf8"),
      async stop() {
        await started.stop();
        await Promise.all(instances.map((i) => i.kill("SIGTERM")));
        stopPostgres();
      },
    };
  } catch (error) {
    await nginx?.stop();
    await Promise.all(instances.map((i) => i.kill("SIGTERM")));
    stopPostgres();
    throw error;
  }
}
