/** Progress is written at most this often per job (a 2-hour encode reports thousands of times a minute). */
export const PROGRESS_WRITE_MS = 2_000;

/**
 * Whether a progress report is worth a database write: the first one, the last (1), or one at
 * least PROGRESS_WRITE_MS after the last write that moved by at least a percent.
 */
export function shouldWriteProgress(
  last: { at: number; progress: number } | undefined,
  next: { at: number; progress: number },
): boolean {
  if (!last) return true;
  if (next.progress >= 1 && last.progress < 1) return true;
  return next.at - last.at >= PROGRESS_WRITE_MS && next.progress - last.progress >= 0.01;
}
