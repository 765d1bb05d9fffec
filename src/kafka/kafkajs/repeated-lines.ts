interface Seen {
  windowEnds: number;
  repeats: number;
  line: string;
}

/**
 * Lets the first of a kind of log line through, then counts the repeats for
 * a window and says how many there were, once, when it ends: a broker outage
 * used to write a warning per request retried (415 in 95 s).
 */
export class RepeatedLines {
  private readonly seen = new Map<string, Seen>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly emit: (line: string) => void,
    private readonly windowMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** `kind` says which lines count as the same (the message without its details). */
  write(kind: string, line: string): void {
    const now = this.now();
    const seen = this.seen.get(kind);
    if (seen && seen.windowEnds > now) {
      seen.repeats++;
      seen.line = line;
      this.flushLater();
      return;
    }
    if (seen) this.summarise(seen);
    this.seen.set(kind, { windowEnds: now + this.windowMs, repeats: 0, line });
    this.emit(line);
  }

  /** Says the repeat counts of every window that has ended. */
  flush(): void {
    const now = this.now();
    for (const [kind, seen] of this.seen) {
      if (seen.windowEnds > now) continue;
      this.summarise(seen);
      this.seen.delete(kind);
    }
  }

  private summarise(seen: Seen): void {
    if (seen.repeats === 0) return;
    this.emit(`${seen.line} (repeated ${seen.repeats} more times in ${Math.round(this.windowMs / 1000)} s)`);
    seen.repeats = 0;
  }

  private flushLater(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
      if ([...this.seen.values()].some((s) => s.repeats > 0)) this.flushLater();
    }, this.windowMs);
    this.timer.unref();
  }
}
