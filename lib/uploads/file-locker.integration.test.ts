import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ERRORS } from "@tus/utils";
import { afterAll, describe, expect, it, vi } from "vitest";
import { FileLocker } from "./file-locker";

// Two FileLockers share nothing but the directory, exactly like two app instances sharing
// UPLOAD_ROOT (the tus endpoint test drives the same through two servers). Real files only, so
// it runs the same whichever provider TEST_DATABASE_URL names.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lectern-locks-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const never = () => new AbortController().signal;
const instance = (options: Partial<ConstructorParameters<typeof FileLocker>[0]> = {}) =>
  new FileLocker({ directory: dir, pollMs: 50, ...options });

describe("upload locks shared through UPLOAD_ROOT", () => {
  it("a second instance asks the holder to let go, and gets the lock once it has", async () => {
    const a = instance().newLock("upload-one");
    const b = instance().newLock("upload-one");
    const events: string[] = [];
    await a.lock(never(), async () => {
      events.push("a asked to release");
      // a takes its time: b must not hold the lock before a lets go.
      await new Promise((resolve) => setTimeout(resolve, 200));
      events.push("a unlocking");
      await a.unlock();
      events.push("a released");
    });
    await b.lock(never(), () => {
      events.push("b asked to release");
    });
    events.push("b holds");
    // b waited for a to be asked and to let go. Whether a's unlock() promise settles before or
    // after b's lock() does is up to the event loop (b can take the freed lock in between), so
    // "a released" is only required to come, not to come first.
    expect(events.slice(0, 2)).toEqual(["a asked to release", "a unlocking"]);
    await vi.waitFor(() => expect(events).toContain("a released"));
    expect(events).not.toContain("b asked to release");
    await b.unlock();
  });

  it("times out with tus's lock error while a holder never lets go, and does not take its lock", async () => {
    const a = instance().newLock("upload-two");
    let asked = 0;
    await a.lock(never(), () => {
      asked++;
    });
    const b = instance({ acquireTimeoutMs: 1_200 }).newLock("upload-two");
    await expect(b.lock(never(), () => {})).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    expect(asked).toBe(1);
    // a still holds it: a third instance can't take it either.
    await expect(instance({ acquireTimeoutMs: 300 }).newLock("upload-two").lock(never(), () => {})).rejects.toBe(ERRORS.ERR_LOCK_TIMEOUT);
    await a.unlock();
    const c = instance({ acquireTimeoutMs: 1_000 }).newLock("upload-two");
    await c.lock(never(), () => {});
    await c.unlock();
  });

  it("takes over the lock of a holder that died (no longer renewed)", async () => {
    // What a killed instance leaves: the lock directory, last renewed a minute ago.
    const lockDir = path.join(dir, "upload-three.lock");
    fs.mkdirSync(lockDir);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lockDir, aMinuteAgo, aMinuteAgo);
    const b = instance({ acquireTimeoutMs: 1_000, staleMs: 5_000 }).newLock("upload-three");
    await b.lock(never(), () => {});
    await b.unlock();
  });

  it("stops waiting when the waiting request is aborted", async () => {
    const a = instance().newLock("upload-four");
    await a.lock(never(), () => {});
    const abort = new AbortController();
    const waiting = instance().newLock("upload-four").lock(abort.signal, () => {});
    setTimeout(() => abort.abort(), 200);
    await expect(waiting).rejects.toBe(ERRORS.ABORTED);
    await a.unlock();
  });

  it("refuses an id that is not one of ours (no paths outside the upload folder)", () => {
    expect(() => instance().newLock("../../etc/passwd")).toThrow();
    expect(() => instance().newLock("a/b")).toThrow();
  });
});
