import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startDeliveryLoop } from "./delivery-loop";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe("startDeliveryLoop", () => {
  it("runs a round at once and then every interval, until stopped", async () => {
    let rounds = 0;
    const loop = startDeliveryLoop(async () => void rounds++, { intervalMs: 20_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(19_999);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(2);
    await loop.stop();
    await vi.advanceTimersByTimeAsync(10 * 20_000);
    expect(rounds).toBe(2);
  });

  it("logs a failing round and carries on, even when the logger itself throws", async () => {
    let rounds = 0;
    const errors: unknown[] = [];
    const loop = startDeliveryLoop(
      async () => {
        rounds++;
        if (rounds <= 2) throw new Error(`database unreachable ${rounds}`);
      },
      {
        intervalMs: 1000,
        onError: (error) => {
          errors.push(error);
          if (errors.length === 2) throw new Error("logger broke");
        },
      },
    );
    await vi.advanceTimersByTimeAsync(2000);
    expect(rounds).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual(["database unreachable 1", "database unreachable 2"]);
    await loop.stop();
  });

  it("stop() waits for the round in progress, and no round starts after it", async () => {
    let finishRound!: () => void;
    let rounds = 0;
    const loop = startDeliveryLoop(
      () => {
        rounds++;
        return new Promise<void>((resolve) => (finishRound = resolve));
      },
      { intervalMs: 1000 },
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(rounds).toBe(1);
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(5000);
    expect(stopped).toBe(false);
    finishRound();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(rounds).toBe(1);
  });

  it("never overlaps rounds: the next waits for the interval after the previous one ends", async () => {
    let finishRound!: () => void;
    let rounds = 0;
    const loop = startDeliveryLoop(
      () => {
        rounds++;
        return new Promise<void>((resolve) => (finishRound = resolve));
      },
      { intervalMs: 1000 },
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rounds).toBe(1);
    finishRound();
    await vi.advanceTimersByTimeAsync(999);
    expect(rounds).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toBe(2);
    finishRound();
    await loop.stop();
  });
});
