import fs from "node:fs";
import path from "node:path";
import { ERRORS, type Lock, type Locker, type RequestRelease } from "@tus/utils";
import lockfile from "proper-lockfile";

export type TFileLockerOptions = {
  /** The upload directory (UPLOAD_ROOT): locks live beside the files they protect. */
  directory: string;
  /** How long a request waits for an upload another request holds before tus answers 500 → we map to a retry. */
  acquireTimeoutMs?: number;
  /** A lock whose holder stopped renewing it for this long is taken over (the holder died). */
  staleMs?: number;
  /** How often a holder looks for another request asking it to let go. */
  pollMs?: number;
};

/**
 * tus locks for uploads, shared by every process that shares UPLOAD_ROOT (docs/decisions/012).
 * @tus/server's default MemoryLocker only sees one process: with two app instances, a resumed
 * PATCH reaching instance B while a stalled one still writes on instance A would both append to
 * the same file. Here a lock is a directory made atomically by proper-lockfile beside the upload
 * (`<id>.lock`, renewed while held, taken over once stale after a crash), and tus's "ask the
 * holder to let go" (a client resuming after a dropped connection) crosses processes as a
 * `<id>.release` marker the holder polls for; the holder then cancels its request and unlocks.
 */
export class FileLocker implements Locker {
  readonly directory: string;
  readonly acquireTimeoutMs: number;
  readonly staleMs: number;
  readonly pollMs: number;

  constructor(options: TFileLockerOptions) {
    this.directory = options.directory;
    this.acquireTimeoutMs = options.acquireTimeoutMs ?? 30_000;
    this.staleMs = options.staleMs ?? 10_000;
    this.pollMs = options.pollMs ?? 250;
  }

  newLock(id: string): Lock {
    if (!/^[A-Za-z0-9_-]+$/.test(id)) throw ERRORS.FILE_NOT_FOUND; // tus ids are ours; anything else names no upload
    return new FileLock(this, id);
  }
}

class FileLock implements Lock {
  readonly #locker: FileLocker;
  readonly #target: string;
  readonly #lockPath: string;
  readonly #releasePath: string;
  #release: (() => Promise<void>) | undefined;
  #watch: NodeJS.Timeout | undefined;

  constructor(locker: FileLocker, id: string) {
    this.#locker = locker;
    this.#target = path.join(locker.directory, id);
    this.#lockPath = `${this.#target}.lock`;
    this.#releasePath = `${this.#target}.release`;
  }

  async lock(signal: AbortSignal, requestRelease: RequestRelease): Promise<void> {
    const deadline = Date.now() + this.#locker.acquireTimeoutMs;
    let askedAt = 0;
    for (;;) {
      if (signal.aborted) throw ERRORS.ABORTED;
      try {
        this.#release = await lockfile.lock(this.#target, {
          lockfilePath: this.#lockPath,
          realpath: false,
          retries: 0,
          stale: this.#locker.staleMs,
          update: Math.max(1_000, Math.floor(this.#locker.staleMs / 4)),
          // Our renewals stalled long enough for another request to take the lock over: stop writing.
          onCompromised: () => void Promise.resolve(requestRelease()).catch(() => {}),
        });
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== "ELOCKED") throw error;
      }
      if (Date.now() >= deadline) throw ERRORS.ERR_LOCK_TIMEOUT;
      // Ask the holder, wherever it runs, to let go (at most once a second).
      if (Date.now() - askedAt >= 1_000) {
        askedAt = Date.now();
        await fs.promises.writeFile(this.#releasePath, String(askedAt)).catch(() => {});
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(100, this.#locker.pollMs)));
    }
    // Requests made before this lock was taken were for the previous holder.
    const acquiredAt = Date.now();
    await fs.promises.rm(this.#releasePath, { force: true });
    let asked = false;
    this.#watch = setInterval(() => {
      if (asked) return;
      fs.promises.stat(this.#releasePath).then(
        (s) => {
          if (asked || s.mtimeMs < acquiredAt - 5) return;
          asked = true;
          void Promise.resolve(requestRelease()).catch(() => {});
        },
        () => {},
      );
    }, this.#locker.pollMs);
    this.#watch.unref();
  }

  async unlock(): Promise<void> {
    clearInterval(this.#watch);
    const release = this.#release;
    this.#release = undefined;
    if (!release) throw new Error("Releasing an upload lock that is not held");
    await release().catch((error: { code?: string }) => {
      // Taken over after we looked stale (ECOMPROMISED) or already gone: nothing left to release.
      if (error.code !== "ERELEASED" && error.code !== "ENOTACQUIRED" && error.code !== "ECOMPROMISED") throw error;
    });
  }
}
