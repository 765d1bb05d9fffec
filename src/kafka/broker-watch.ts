import type { KafkaLogger } from './kafkajs/kafkajs-log';

export type BrokerReachability = 'unknown' | 'reachable' | 'unreachable';

export interface BrokerWatchOptions {
  /** Time between probes. */
  intervalMs?: number;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The `lastError` a part reports while the probe finds the broker unreachable. */
export const unreachableError = (error: string | undefined): { message: string; at: string } => ({
  message: `The Kafka broker cannot be reached: ${error ?? 'no answer'}`,
  at: new Date().toISOString(),
});

/**
 * Asks the cluster for its metadata every couple of seconds, with no retries
 * and short timeouts, and tells the relay and the command consumer when the
 * answer changes. Neither notices an outage by itself while it is idle (an
 * idle relay sends nothing; kafkajs hides a consumer's reconnects), so
 * without it they reported the state of their last request for tens of
 * seconds after the broker had gone away or come back. Logs one line per
 * change, not per probe.
 */
export class BrokerWatch {
  private reachability: BrokerReachability = 'unknown';
  private lastError: string | undefined;
  private changedAt = Date.now();
  private readonly listeners = new Set<(reachability: BrokerReachability, error?: string) => void>();
  private timer: NodeJS.Timeout | undefined;
  private probing = false;

  constructor(
    private readonly probe: () => Promise<void>,
    private readonly logger: KafkaLogger,
    private readonly options: BrokerWatchOptions = {},
  ) {}

  get state(): { reachability: BrokerReachability; lastError?: string } {
    return { reachability: this.reachability, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  /** Starts probing with the first listener; stops with the last. */
  subscribe(listener: (reachability: BrokerReachability, error?: string) => void): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.check(), this.options.intervalMs ?? 2_000);
      this.timer.unref();
      void this.check();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** One probe now (a probe in flight is not doubled). */
  async check(): Promise<void> {
    if (this.probing) return;
    this.probing = true;
    try {
      await this.probe();
      this.set('reachable');
    } catch (error) {
      this.set('unreachable', describe(error));
    } finally {
      this.probing = false;
    }
  }

  private set(reachability: BrokerReachability, error?: string): void {
    if (reachability === 'unreachable') this.lastError = error;
    if (reachability === this.reachability) return;
    const seconds = Math.round((Date.now() - this.changedAt) / 1000);
    if (reachability === 'unreachable') {
      this.logger.warn(`Kafka broker unreachable: ${error}; probing every ${this.interval() / 1000} s`);
    } else if (this.reachability === 'unreachable') {
      this.logger.log(`Kafka broker reachable again after ${seconds} s`);
    }
    this.reachability = reachability;
    this.changedAt = Date.now();
    for (const listener of this.listeners) listener(reachability, error);
  }

  private interval(): number {
    return this.options.intervalMs ?? 2_000;
  }
}
