import { z } from "zod";

/**
 * `?t=` of a deep link: seconds ("90", "90.5") or "1m30s"/"1h2m3s". Anything else — negative,
 * too long, NaN, several values — is ignored (the page starts where it would have).
 */
const ZStartParam = z
  .string()
  .max(16)
  .transform((v, ctx) => {
    const plain = /^\d{1,6}(\.\d{1,3})?$/.exec(v);
    if (plain) return Number(v);
    const hms = /^(?:(\d{1,2})h)?(?:(\d{1,4})m)?(?:(\d{1,6})s)?$/.exec(v);
    if (hms && v !== "") return Number(hms[1] ?? 0) * 3600 + Number(hms[2] ?? 0) * 60 + Number(hms[3] ?? 0);
    ctx.addIssue({ code: "custom", message: "t must be seconds or 1h2m3s" });
    return z.NEVER;
  });

export function parseStartTime(raw: string | string[] | undefined, durationSeconds: number): number | null {
  if (typeof raw !== "string") return null;
  const parsed = ZStartParam.safeParse(raw);
  if (!parsed.success) return null;
  if (durationSeconds > 0 && parsed.data >= durationSeconds) return null;
  return parsed.data;
}

/** 754.2 → "12:34"; 3725 → "1:02:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
