import { setImmediate as yieldToIo } from 'node:timers/promises';

/**
 * Fold for at most this long before letting HTTP and timers run: a backlog
 * folded in one go (after a burst of commands, or while catching up) held
 * every request behind it. Checked every few events, so the clock costs
 * nothing next to the folds.
 */
export const SLICE_MS = 5;
const CHECK_CLOCK_EVERY = 16;

/**
 * Ask `due()` after each step a feed folds, and `pause()` when it says so:
 * a step pays no promise, and the feed yields to I/O once a slice is used up.
 */
export class TimeSlice {
  private sinceCheck = 0;
  private sliceStart = performance.now();

  /** Look at the clock every this many calls: more for folds cheaper than the runner's. */
  constructor(private readonly checkClockEvery = CHECK_CLOCK_EVERY) {}

  /** Yields to I/O and starts a new slice. */
  async pause(): Promise<void> {
    await yieldToIo();
    this.restart();
  }

  /** Counts one step; true once the slice is used up (the caller then `pause()`s). */
  due(): boolean {
    if (++this.sinceCheck < this.checkClockEvery) return false;
    this.sinceCheck = 0;
    return performance.now() - this.sliceStart >= SLICE_MS;
  }

  /** A new slice starts now (after yielding). */
  private restart(): void {
    this.sliceStart = performance.now();
  }
}

/**
 * Runs `steps` to the end, yielding to I/O whenever a slice is used up, and
 * returns what it returns: long synchronous work (a checksum of a large read
 * model) without holding requests behind it.
 */
export async function inSlices<T>(steps: Generator<unknown, T, undefined>): Promise<T> {
  const slice = new TimeSlice(4);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (slice.due()) await slice.pause();
  }
}
