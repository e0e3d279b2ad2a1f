import { z } from "zod";

export { formatClock } from "./format-clock";

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
