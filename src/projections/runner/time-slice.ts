import { setImmediate as yieldToIo } from 'node:timers/promises';

/**
 * Fold for at most this long before letting HTTP and timers run: a backlog
 * folded in one go (after a burst of commands, or while catching up) held
 * every request behind it. Checked every few events, so the clock costs
 * nothing next to the folds.
 */
export const SLICE_MS = 5;
const CHECK_CLOCK_EVERY = 16;

/** Call `next()` after each message a feed folds; it yields to I/O once a slice is used up. */
export class TimeSlice {
  private sinceCheck = 0;
  private sliceStart = performance.now();

  async next(): Promise<void> {
    if (++this.sinceCheck < CHECK_CLOCK_EVERY) return;
    this.sinceCheck = 0;
    if (performance.now() - this.sliceStart >= SLICE_MS) {
      await yieldToIo();
      this.sliceStart = performance.now();
    }
  }
}
