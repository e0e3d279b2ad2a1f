export type TProgressReporter = {
  start(id: string): void;
  update(id: string, fraction: number): void;
  finish(id: string, status: "cached" | "generated" | "failed", detail?: string): void;
  /** A line of output that must not be overwritten by the bar. */
  log(line: string): void;
  close(): void;
};

type TStream = { write(chunk: string): unknown; isTTY?: boolean; columns?: number };

function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * Terminal progress for media generation. On a TTY: one redrawn line with a bar, segments
 * done/total, overall percent (weighted by each job's expected seconds), elapsed time and the
 * jobs in flight. Elsewhere (CI, pipes): plain lines only when a job finishes.
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
  const active = new Map<string, number>();
  const started = now();
  let doneCount = 0;
  let doneWeight = 0;
  let lastDraw = 0;
  let barShown = false;

  const percent = () => {
    let weight = doneWeight;
    for (const [id, fraction] of active) weight += (weights.get(id) ?? 0) * fraction;
    return Math.min(100, Math.floor((weight / totalWeight) * 100));
  };
  const clear = () => {
    if (tty && barShown) stream.write("\r\x1b[2K");
    barShown = false;
  };
  const draw = (force = false) => {
    if (!tty) return;
    const t = now();
    if (!force && t - lastDraw < 100) return;
    lastDraw = t;
    const pct = percent();
    const width = 24;
    const filled = Math.round((pct / 100) * width);
    const inFlight = [...active].map(([id, f]) => `${id} ${Math.floor(f * 100)}%`).join(" · ");
    let line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${doneCount}/${weights.size} segments ${String(pct).padStart(3)}%  ${clock(t - started)}  ${inFlight}`;
    const columns = stream.columns ?? 120;
    if (line.length > columns - 1) line = `${line.slice(0, columns - 2)}…`;
    stream.write(`\r\x1b[2K${line}`);
    barShown = true;
  };

  return {
    start(id) {
      active.set(id, 0);
      draw(true);
    },
    update(id, fraction) {
      if (active.has(id)) active.set(id, fraction);
      draw();
    },
    finish(id, status, detail) {
      active.delete(id);
      doneCount++;
      doneWeight += weights.get(id) ?? 0;
      clear();
      const counter = `[${String(doneCount).padStart(String(weights.size).length)}/${weights.size}]`;
      stream.write(`${counter} ${status.padEnd(9)} ${id}${detail ? `  ${detail}` : ""}  (${clock(now() - started)} elapsed)\n`);
      draw(true);
    },
    log(line) {
      clear();
      stream.write(`${line}\n`);
      draw(true);
    },
    close() {
      clear();
    },
  };
}
