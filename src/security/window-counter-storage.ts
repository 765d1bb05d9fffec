export interface WindowCount {
  totalHits: number;
  /** Seconds until the window ends. */
  timeToExpire: number;
  isBlocked: boolean;
  /** Seconds until the block ends (0 when not blocked). */
  timeToBlockExpire: number;
}

interface Window {
  endsAt: number;
  hits: number;
  blockedUntil: number;
}

/** Principals tracked before idle ones are swept. */
const SWEEP_ABOVE = 10_000;

/**
 * Rate-limit counts per key (a credential, a client address) in fixed
 * windows: O(1) a request, synchronous, in memory. (The in-memory storage of
 * @nestjs/throttler, used before, keeps every hit's expiry time and
 * filters the list on each request, O(hits in the window): at a generous
 * limit (an upstream system posting thousands of commands a minute) that
 * was a scan of tens of thousands of numbers per command, and its
 * Math.min(...hits) overflows the stack past about 100,000.) As with any
 * fixed window, a burst across a window's edge may reach twice the limit.
 */
export class WindowCounterStorage {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Counts a hit (unless blocked) and says whether the key is over its limit. */
  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): WindowCount {
    const now = this.now();
    const id = `${throttlerName}\n${key}`;
    let window = this.windows.get(id);
    // A new window when the last one has ended and any block with it, or when a block has run
    // out (as @nestjs/throttler's storage resets the count when a block ends).
    const blockEnded = window !== undefined && window.blockedUntil !== 0 && window.blockedUntil <= now;
    if (window === undefined || (window.endsAt <= now && window.blockedUntil <= now) || blockEnded) {
      if (this.windows.size >= SWEEP_ABOVE) this.sweep(now);
      window = { endsAt: now + ttl, hits: 0, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    const seconds = (until: number): number => Math.max(0, Math.ceil((until - now) / 1000));
    if (window.blockedUntil <= now) {
      window.hits++;
      // No block duration: refused until the window ends.
      if (window.hits > limit) window.blockedUntil = blockDuration > 0 ? now + blockDuration : window.endsAt;
    }
    const isBlocked = window.blockedUntil > now;
    return {
      totalHits: window.hits,
      timeToExpire: seconds(window.endsAt),
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(window.blockedUntil) : 0,
    };
  }

  /** Seconds the key is still blocked for, without counting a hit (0 when it is not blocked). */
  blockedFor(key: string, throttlerName: string): number {
    const now = this.now();
    const until = this.windows.get(`${throttlerName}\n${key}`)?.blockedUntil ?? 0;
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.endsAt <= now && window.blockedUntil <= now) this.windows.delete(id);
    }
  }
}
