export type TDeliveryLoop = {
  /** Ends the loop: no round starts after this, and it resolves once a running round ends. */
  stop(): Promise<void>;
};

/**
 * Runs `round` now and then `intervalMs` after each round ends, until stopped. A round that
 * throws is logged and the loop goes on (a database blip must not end mail delivery, nor crash
 * the server); rounds never overlap. The timer does not keep the process alive.
 */
export function startDeliveryLoop(
  round: () => Promise<unknown>,
  options: { intervalMs: number; onError?: (error: unknown) => void },
): TDeliveryLoop {
  const onError = options.onError ?? ((error) => console.error("Outbox delivery round failed:", error));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const run = async () => {
    try {
      await round();
    } catch (error) {
      try {
        onError(error);
      } catch {
        // A failing logger must not stop the loop either.
      }
    }
    running = undefined;
    schedule(options.intervalMs);
  };
  const schedule = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run();
    }, delay);
    timer.unref();
  };

  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
