// `npm run deploy:local`: the production shape on loopback — PostgreSQL, two `next start`
// instances, nginx in front (njs media, X-Accel downloads) — until Ctrl-C. See
// deploy/local/start-local-deployment.ts and deploy/nginx/README.md.
import { spawnSync } from "node:child_process";
import { startLocalDeployment } from "../deploy/local/start-local-deployment";

async function main() {
  const instances = Number(process.env.INSTANCES ?? 2);
  if (!Number.isInteger(instances) || instances < 1 || instances > 8) throw new Error("INSTANCES must be 1 to 8");
  const build = spawnSync("node", ["scripts/build-if-changed.mjs"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const deployment = await startLocalDeployment({ instances, log: (line) => console.log(`==> ${line}`) });
  console.log(`\nLectern on ${deployment.baseURL} (nginx) → ${deployment.instances.map((i) => `127.0.0.1:${i.port}`).join(", ")}`);
  console.log(`PostgreSQL: ${deployment.databaseUrl}`);
  console.log(`Access log (which instance served each request): ${deployment.nginx.prefix}/access.log`);
  console.log("Ctrl-C stops everything and removes the database.");
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log("\nstopping…");
    await deployment.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(`deploy:local: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
