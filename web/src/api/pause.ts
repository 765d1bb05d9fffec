/**
 * The time the service asked this credential to wait (429 Retry-After), shared
 * by every panel: one notice counts it down, and no request is sent before it
 * ends, so a page of panels does not keep knocking on a closed door.
 */
export class RequestPause {
  private until = 0;
  private readonly listeners = new Set<(until: number) => void>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** When requests may be sent again (ms since the epoch); in the past when they may now. */
  get endsAt(): number {
    return this.until;
  }

  secondsLeft(): number {
    return Math.max(0, Math.ceil((this.until - this.now()) / 1000));
  }

  pause(seconds: number): void {
    const until = this.now() + seconds * 1000;
    if (until <= this.until) return;
    this.until = until;
    for (const listener of this.listeners) listener(until);
  }

  /** Resolves once the pause (if any) is over. */
  async over(): Promise<void> {
    for (let wait = this.until - this.now(); wait > 0; wait = this.until - this.now()) {
      await this.sleep(wait);
    }
  }

  subscribe(listener: (until: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
