export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** Doubling delays from `initialMs`, capped at `maxMs`, with ±20% jitter so reconnecting clients spread out. */
export function backoffDelay(backoff: Backoff, attempt: number): number {
  const base = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return Math.max(1, Math.round(base * (0.8 + Math.random() * 0.4)));
}

/** Resolves after `ms`, or as soon as `cancelled` resolves. */
export function sleep(ms: number, cancelled: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void cancelled.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
