import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import type { EventLog, StoredEvent } from './event-log';
import type { ReadFilter } from './read-filter';
import { checkpointResponse, eventResponse, ServerQuirks, streams } from './wire';

export type Call = ServerWritableStream<streams.ReadReq, streams.ReadResp>;

export type SubscriptionSource =
  | { kind: 'all'; after: number | 'start' | 'end'; filter?: ReadFilter }
  | { kind: 'stream'; stream: string; after: number | 'start' | 'end' };

/** Writes one response, waiting for the client to drain the call when its buffer is full. */
export function write(call: Call, response: streams.ReadResp): Promise<void> {
  if (call.cancelled || call.write(response)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
    call.on('close', done);
  });
}

/**
 * A catch-up subscription as the server runs one: confirmation, the events
 * after the start point, then (for $all with a filter) a checkpoint, then
 * `caught_up`, then live events. Catch-up and live share one cursor over the
 * log, so an append made while catching up is neither missed nor sent twice.
 */
export class LogSubscription {
  private next: number;
  private caughtUp = false;
  private pumping = false;
  private again = false;
  private considered = 0;
  private checkpoint: number;
  private readonly onAppended = (): void => void this.pump();

  constructor(
    private readonly call: Call,
    private readonly log: EventLog,
    private readonly source: SubscriptionSource,
    private readonly quirks?: ServerQuirks,
  ) {
    const after = source.after;
    if (source.kind === 'all') {
      this.next = after === 'start' ? 0 : after === 'end' ? log.events.length : this.firstAfter(after);
      this.checkpoint = typeof after === 'number' ? after : after === 'end' ? log.end : 0;
    } else {
      const length = log.stream(source.stream)?.length ?? 0;
      this.next = after === 'start' ? 0 : after === 'end' ? length : after + 1;
      this.checkpoint = 0;
    }
  }

  async start(): Promise<void> {
    this.log.appended.on('appended', this.onAppended);
    const stop = (): void => void this.log.appended.off('appended', this.onAppended);
    this.call.on('cancelled', stop);
    this.call.on('close', stop);
    this.call.on('error', stop);
    const confirmation = new streams.ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
    await write(this.call, new streams.ReadResp().setConfirmation(confirmation));
    await this.pump();
  }

  private firstAfter(position: number): number {
    const index = this.log.indexFrom(position);
    return this.log.events[index]?.position === position ? index + 1 : index;
  }

  private take(): StoredEvent | undefined {
    const events = this.source.kind === 'all' ? this.log.events : (this.log.stream(this.source.stream) ?? []);
    const event = events[this.next];
    if (event) this.next += 1;
    return event;
  }

  private async pump(): Promise<void> {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        await this.sendAvailable();
      } while (this.again && !this.call.cancelled);
    } finally {
      this.pumping = false;
    }
  }

  private async sendAvailable(): Promise<void> {
    const filter = this.source.kind === 'all' ? this.source.filter : undefined;
    for (let event = this.take(); event && !this.call.cancelled; event = this.take()) {
      this.considered += 1;
      if (!filter || filter.matches(event)) {
        await write(this.call, eventResponse(event, this.source.kind === 'all', this.quirks));
      }
      this.checkpoint = event.position;
      if (filter && this.considered % filter.checkpointInterval === 0) {
        await write(this.call, checkpointResponse(this.checkpoint));
      }
    }
    if (this.caughtUp || this.call.cancelled) return;
    this.caughtUp = true;
    if (filter) await write(this.call, checkpointResponse(this.checkpoint));
    await write(this.call, new streams.ReadResp().setCaughtUp(new streams.ReadResp.CaughtUp()));
  }
}
