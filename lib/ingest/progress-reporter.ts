import { MultiBar, type SingleBar } from "cli-progress";

export type TProgressReporter = {
  start(id: string): void;
  update(id: string, fraction: number): void;
  finish(id: string, status: "cached" | "generated" | "failed", detail?: string): void;
  /** A line of output that must not be overwritten by the bars. */
  log(line: string): void;
  close(): void;
};

type TStream = { write(chunk: string): unknown; isTTY?: boolean; columns?: number };

/** 65_000 → "1:05"; never negative. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${h ? `${h}:${String(m).padStart(2, "0")}` : m}:${String(s % 60).padStart(2, "0")}`;
}

/** Media seconds per wall second, e.g. "3.2×"; "–" until something was measured. */
function speedText(mediaSeconds: number, wallMs: number): string {
  return wallMs > 0 && mediaSeconds > 0 ? `${(mediaSeconds / (wallMs / 1000)).toFixed(1)}× realtime` : "–× realtime";
}

/**
 * Progress of an import's encodes, per file and overall: percent (weighted by each file's media
 * seconds), speed as ×realtime and an ETA from the speed measured so far. On a terminal: a
 * cli-progress multi-bar (an overall bar plus one bar per encode in flight); elsewhere (CI,
 * pipes, CI=…): one plain line per event — an encode starting, each quarter of it, a file done.
 */
export function createProgressReporter(options: {
  jobs: { id: string; weight: number }[];
  stream?: TStream;
  now?: () => number;
}): TProgressReporter {
  const stream: TStream = options.stream ?? process.stderr;
  const now = options.now ?? Date.now;
  const tty = Boolean(stream.isTTY) && process.env.CI === undefined;
  const weights = new Map(options.jobs.map((j) => [j.id, Math.max(j.weight, 0.001)]));
  const totalWeight = [...weights.values()].reduce((a, b) => a + b, 0) || 1;
  type TJob = { fraction: number; startedAt: number; quarter: number; announced: boolean; bar?: SingleBar };
  const active = new Map<string, TJob>();
  const started = now();
  let doneCount = 0;
  let doneWeight = 0;
  /** Media seconds actually encoded (cached files don't count towards the speed). */
  let encodedDone = 0;

  const counter = () => `[${String(doneCount).padStart(String(weights.size).length)}/${weights.size}]`;
  const overall = () => {
    let weight = doneWeight;
    let encoded = encodedDone;
    for (const [id, job] of active) {
      weight += (weights.get(id) ?? 0) * job.fraction;
      encoded += (weights.get(id) ?? 0) * job.fraction;
    }
    const elapsed = now() - started;
    const rate = elapsed > 0 ? encoded / (elapsed / 1000) : 0;
    const remaining = Math.max(0, totalWeight - weight);
    return {
      percent: Math.min(100, Math.floor((weight / totalWeight) * 100)),
      speed: speedText(encoded, elapsed),
      eta: remaining === 0 ? "0:00" : rate > 0 ? clock((remaining / rate) * 1000) : "–",
      elapsed: clock(elapsed),
    };
  };
  const fileSpeed = (id: string) => {
    const job = active.get(id);
    return job ? speedText((weights.get(id) ?? 0) * job.fraction, now() - job.startedAt) : "";
  };

  const multi = tty
    ? new MultiBar({
        stream: stream as NodeJS.WritableStream,
        format: "{label} [{bar}] {percentage}% | {speed} | ETA {eta_text}",
        barCompleteChar: "#",
        barIncompleteChar: ".",
        barsize: 24,
        hideCursor: true,
        clearOnComplete: true,
        autopadding: true,
        gracefulExit: false,
        etaBuffer: 50,
      })
    : undefined;
  let overallBar: SingleBar | undefined;
  const drawOverall = () => {
    if (!multi) return;
    const o = overall();
    const payload = { label: `overall ${String(doneCount).padStart(String(weights.size).length)}/${weights.size} files`, speed: o.speed, eta_text: o.eta };
    if (!overallBar) overallBar = multi.create(100, o.percent, payload);
    else overallBar.update(o.percent, payload);
  };
  const line = (text: string) => {
    if (multi) multi.log(`${text}\n`);
    else stream.write(`${text}\n`);
  };

  return {
    start(id) {
      const job: TJob = { fraction: 0, startedAt: now(), quarter: 0, announced: false };
      active.set(id, job);
      if (multi) {
        drawOverall();
        job.bar = multi.create(100, 0, { label: id, speed: "–× realtime", eta_text: "–" });
      }
    },
    update(id, fraction) {
      const job = active.get(id);
      if (!job) return;
      job.fraction = Math.max(0, Math.min(1, fraction));
      if (multi) {
        const elapsed = now() - job.startedAt;
        const eta = job.fraction > 0 ? clock((elapsed / job.fraction) * (1 - job.fraction)) : "–";
        job.bar?.update(Math.floor(job.fraction * 100), { speed: fileSpeed(id), eta_text: eta });
        drawOverall();
        return;
      }
      // Announced at its first progress, so media found current (no encode) costs one line, not two.
      if (!job.announced) {
        job.announced = true;
        stream.write(`${counter()} encoding  ${id}  ${(weights.get(id) ?? 0).toFixed(1)} s of media\n`);
      }
      const quarter = Math.floor(job.fraction * 4);
      if (quarter > job.quarter && quarter < 4) {
        job.quarter = quarter;
        const o = overall();
        stream.write(
          `${counter()} progress  ${id}  ${quarter * 25}%  ${fileSpeed(id)}  overall ${o.percent}%  ${o.speed}  ETA ${o.eta}\n`,
        );
      }
    },
    finish(id, status, detail) {
      const job = active.get(id);
      const speed = status === "generated" && job ? `  ${speedText(weights.get(id) ?? 0, now() - job.startedAt)}` : "";
      if (job?.bar && multi) multi.remove(job.bar);
      active.delete(id);
      doneCount++;
      doneWeight += weights.get(id) ?? 0;
      if (status === "generated") encodedDone += weights.get(id) ?? 0;
      const o = overall();
      line(
        `${counter()} ${status.padEnd(9)} ${id}${detail ? `  ${detail}` : ""}${speed}  overall ${o.percent}%  ETA ${o.eta}  (${o.elapsed} elapsed)`,
      );
      drawOverall();
    },
    log(text) {
      line(text);
    },
    close() {
      // Lines logged since the last redraw are flushed by a redraw; then the bars are cleared.
      multi?.update();
      multi?.stop();
    },
  };
}
