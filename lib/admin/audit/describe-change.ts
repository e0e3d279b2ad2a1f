export type TChangeRow = { field: string; before: string; after: string };

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  } catch {
    return { value: json };
  }
}

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

/**
 * An audit row's before → after as the fields that differ (a creation lists every field it set,
 * a removal every field it had). Values are shown as text; long ones are cut at 200 characters.
 */
export function describeChange(beforeJson: string | null, afterJson: string | null): TChangeRow[] {
  const before = parse(beforeJson);
  const after = parse(afterJson);
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const cut = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);
  return keys
    .filter((k) => JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]))
    .map((k) => ({ field: k, before: cut(show(before?.[k])), after: cut(show(after?.[k])) }));
}
