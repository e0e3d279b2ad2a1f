import { formatMoney } from "@/lib/commerce/format-money";

type TDay = { date: string; orders: number; revenue: Record<string, number> };

/**
 * Revenue per day as server-rendered SVG bars (no script, no client bundle), with the order
 * count under each bar's tooltip. Screen readers get a one-line summary (aria-label); the page
 * shows the same numbers as a table.
 */
export function SalesChart({ days, currency }: { days: TDay[]; currency: string }) {
  const width = 1000;
  const height = 240;
  const pad = { top: 16, right: 12, bottom: 36, left: 84 };
  const values = days.map((d) => d.revenue[currency] ?? 0);
  const max = Math.max(...values, 100);
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const slot = innerW / days.length;
  const total = values.reduce((a, b) => a + b, 0);
  const best = days[values.indexOf(Math.max(...values))];
  const summary =
    total === 0
      ? `No revenue in ${currency} in the last ${days.length} days.`
      : `Revenue in ${currency} per day for the last ${days.length} days: ${formatMoney(total, currency)} in total; best day ${best?.date} with ${formatMoney(Math.max(...values), currency)}.`;
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f));
  return (
    <svg className="sales-chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={summary}>
      {ticks.map((t) => {
        const y = pad.top + innerH - (t / max) * innerH;
        return (
          <g key={t}>
            <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} className="sales-chart__grid" />
            <text x={pad.left - 6} y={y + 4} textAnchor="end" className="sales-chart__label">
              {formatMoney(t, currency).replace(/\.00$/, "")}
            </text>
          </g>
        );
      })}
      {days.map((d, i) => {
        const v = values[i]!;
        const h = (v / max) * innerH;
        const x = pad.left + i * slot + slot * 0.15;
        return (
          <rect key={d.date} x={x} y={pad.top + innerH - h} width={slot * 0.7} height={Math.max(h, v > 0 ? 1 : 0)} className="sales-chart__bar">
            <title>{`${d.date}: ${formatMoney(v, currency)}, ${d.orders} order${d.orders === 1 ? "" : "s"}`}</title>
          </rect>
        );
      })}
      {days
        .filter((_, i) => (days.length - 1 - i) % 7 === 0)
        .map((d) => {
          const i = days.indexOf(d);
          return (
            <text key={d.date} x={pad.left + i * slot + slot / 2} y={height - 6} textAnchor="middle" className="sales-chart__label">
              {d.date.slice(5)}
            </text>
          );
        })}
    </svg>
  );
}
