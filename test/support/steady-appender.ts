import type { EventStore } from '../../src/event-store/port';
import { Appended, appendRoundRobin } from './integration-event-fixtures';

/** Keeps appending a few events every `everyMs` in the background, round-robin over the streams, until stopped. */
export class SteadyAppender {
  readonly appended: Appended[] = [];
  readonly failures: unknown[] = [];
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly streams: readonly string[],
    private readonly everyMs: number,
  ) {
    this.loop = this.run();
  }

  private async run(): Promise<void> {
    for (let i = 0; this.running; i++) {
      const stream = this.streams[i % this.streams.length];
      try {
        this.appended.push(
          ...(await appendRoundRobin(this.store, [stream], 1 + (i % 3), this.appended.length)),
        );
      } catch (error) {
        this.failures.push(error);
      }
      await new Promise((resolve) => setTimeout(resolve, this.everyMs));
    }
  }

  async stop(): Promise<Appended[]> {
    this.running = false;
    await this.loop;
    return this.appended;
  }
}
