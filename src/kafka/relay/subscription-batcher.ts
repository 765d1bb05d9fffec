import type { RecordedEvent } from '../../event-store/recorded-event';
import type { AllSubscription, SubscriptionMessage } from '../../event-store/port';

export interface SubscriptionBatch {
  events: RecordedEvent[];
  /** Everything up to here has been delivered (the last event's position, or a caught-up position after it). */
  throughPosition: number;
  /** The subscription reported it had delivered everything stored. */
  caughtUp: boolean;
}

const IDLE = Symbol('idle');

function nextTurn(): Promise<typeof IDLE> {
  return new Promise((resolve) => setImmediate(() => resolve(IDLE)));
}

/**
 * Groups a subscription's messages into batches without adding latency: it
 * waits for the first message, then takes whatever else the subscription
 * hands over before the event loop's next turn, up to `max` events. A backlog
 * therefore goes out in full batches and a quiet live feed one event at a time.
 */
export class SubscriptionBatcher {
  private readonly iterator: AsyncIterator<SubscriptionMessage>;
  /** A read that was still pending when the last batch closed; the next batch starts with it. */
  private pending: Promise<IteratorResult<SubscriptionMessage>> | undefined;
  private ended = false;

  constructor(subscription: AllSubscription) {
    this.iterator = subscription[Symbol.asyncIterator]();
  }

  /** The next batch; undefined once the subscription has ended (closed). */
  async next(max: number): Promise<SubscriptionBatch | undefined> {
    if (this.ended) return undefined;
    const batch: SubscriptionBatch = { events: [], throughPosition: 0, caughtUp: false };
    const first = await this.read();
    if (first.done) return this.end();
    this.add(batch, first.value);
    const idle = nextTurn();
    while (batch.events.length < max) {
      const next = await Promise.race([this.peek(), idle]);
      if (next === IDLE) break;
      this.pending = undefined;
      if (next.done) {
        this.ended = true;
        break;
      }
      this.add(batch, next.value);
    }
    return batch;
  }

  private read(): Promise<IteratorResult<SubscriptionMessage>> {
    const read = this.peek();
    this.pending = undefined;
    return read;
  }

  private peek(): Promise<IteratorResult<SubscriptionMessage>> {
    this.pending ??= this.iterator.next();
    return this.pending;
  }

  private end(): undefined {
    this.ended = true;
    return undefined;
  }

  private add(batch: SubscriptionBatch, message: SubscriptionMessage): void {
    if (message.kind === 'event') {
      batch.events.push(message.event);
      batch.throughPosition = Math.max(batch.throughPosition, message.event.position);
    } else {
      batch.caughtUp = true;
      batch.throughPosition = Math.max(batch.throughPosition, message.position);
    }
  }
}
