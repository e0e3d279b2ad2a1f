// One report for `npm run bench` (issue 13): every figure as a row — Lectern's figure, the
// reference measured in the same run, their ratio — printed as Markdown and written as JSON.
// A section that fails keeps its error in a row; the sections after it still run.

/** Which way is good for a figure: more (req/s, MB/s, score) or less (ms, KiB, MiB). */
export type TBetter = "higher" | "lower";

export type TBenchRow = {
  section: string;
  figure: string;
  unit: string;
  better: TBetter;
  lectern: number | null;
  /** What Lectern is measured against in the same run (e.g. "static .css, same server"). */
  referenceName?: string;
  reference?: number | null;
  /** lectern / reference, when both are there. */
  ratio: number | null;
  /** The issue's goal, in words ("≥ 0.5×", "≤ 120 KiB"). */
  goal?: string;
  note?: string;
  error?: string;
};

export type TRowInput = Omit<TBenchRow, "section" | "ratio">;

export type TSectionResult = { section: string; seconds: number; error?: string };

export type TBenchReport = {
  startedAt: string;
  db: string;
  host: { cpus: number; loadAverage: number[] };
  wallSeconds: number;
  sections: TSectionResult[];
  rows: TBenchRow[];
};

/** An error for a table cell: its first line, without the terminal colours Playwright adds. */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/\x1b\[[0-9;]*m/g, "").split("\n")[0]!.trim();
}

export function ratioOf(lectern: number | null | undefined, reference: number | null | undefined): number | null {
  if (lectern == null || reference == null || !Number.isFinite(lectern) || !Number.isFinite(reference) || reference === 0) return null;
  return lectern / reference;
}

export class BenchReport {
  readonly rows: TBenchRow[] = [];
  readonly sections: TSectionResult[] = [];
  private readonly started = performance.now();
  readonly startedAt = new Date();

  constructor(
    readonly db: string,
    private readonly log: (line: string) => void = console.log,
  ) {}

  /**
   * Runs one section: its rows are added as it goes (`add`), its wall time is recorded, and an
   * exception becomes an error row instead of ending the run.
   */
  async section(name: string, run: (add: (row: TRowInput) => void) => Promise<void>): Promise<void> {
    const started = performance.now();
    this.log(`\n## ${name}`);
    let error: string | undefined;
    try {
      await run((row) => this.add(name, row));
    } catch (e) {
      error = oneLine(e instanceof Error ? e.message : String(e));
      this.rows.push({ section: name, figure: "(section failed)", unit: "", better: "higher", lectern: null, ratio: null, error });
      this.log(`  FAILED: ${error}`);
    }
    const seconds = (performance.now() - started) / 1000;
    this.sections.push({ section: name, seconds, ...(error ? { error } : {}) });
    this.log(`  (${name}: ${seconds.toFixed(1)} s)`);
  }

  add(section: string, row: TRowInput): TBenchRow {
    const full: TBenchRow = { section, ...row, ratio: ratioOf(row.lectern, row.reference) };
    this.rows.push(full);
    this.log(`  ${formatRowLine(full)}`);
    return full;
  }

  toJson(loadAverage: number[], cpus: number): TBenchReport {
    return {
      startedAt: this.startedAt.toISOString(),
      db: this.db,
      host: { cpus, loadAverage },
      wallSeconds: (performance.now() - this.started) / 1000,
      sections: this.sections,
      rows: this.rows,
    };
  }
}

function formatNumber(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return "–";
  const abs = Math.abs(n);
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

function formatRatio(r: number | null): string {
  return r == null ? "–" : `${r >= 10 ? r.toFixed(1) : r.toFixed(2)}×`;
}

function formatRowLine(row: TBenchRow): string {
  if (row.error) return `${row.figure}: ERROR ${row.error}`;
  const ref = row.reference !== undefined ? ` vs ${formatNumber(row.reference)} (${row.referenceName ?? "reference"}) = ${formatRatio(row.ratio)}` : "";
  return `${row.figure}: ${formatNumber(row.lectern)} ${row.unit}${ref}`;
}

const cell = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");

/** The report as Markdown: one table of every row, then each section's wall time. */
export function reportMarkdown(report: TBenchReport): string {
  const lines = [
    `# Lectern bench — ${report.db}, ${report.startedAt}`,
    "",
    `${report.host.cpus} CPUs, load average at the end ${report.host.loadAverage.map((l) => l.toFixed(2)).join(" ")}; ` +
      `wall time ${(report.wallSeconds / 60).toFixed(1)} min. Ratio = Lectern ÷ reference; "better" says which way is good.`,
    "",
    "| section | figure | Lectern | reference (same run) | ratio | better | goal | note |",
    "|---|---|---:|---|---:|---|---|---|",
  ];
  for (const r of report.rows) {
    const lectern = r.error ? `**error**: ${r.error}` : `${formatNumber(r.lectern)} ${r.unit}`.trim();
    const reference = r.reference !== undefined ? `${formatNumber(r.reference)} ${r.unit} — ${r.referenceName ?? ""}`.trim() : "–";
    lines.push(
      `| ${cell(r.section)} | ${cell(r.figure)} | ${cell(lectern)} | ${cell(reference)} | ${formatRatio(r.ratio)} | ${r.better} | ${cell(r.goal ?? "")} | ${cell(r.note ?? "")} |`,
    );
  }
  lines.push("", "| section | wall time | status |", "|---|---:|---|");
  for (const s of report.sections) lines.push(`| ${cell(s.section)} | ${s.seconds.toFixed(1)} s | ${s.error ? `failed: ${cell(s.error)}` : "ok"} |`);
  lines.push(`| **all** | ${report.wallSeconds.toFixed(1)} s | |`);
  return `${lines.join("\n")}\n`;
}
