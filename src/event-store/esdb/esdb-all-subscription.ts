import { START } from '@eventstore/db-client';
import type {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  EventStoreDBClient,
  Position,
} from '@eventstore/db-client';
import type { AllSubscription, EventFilter, SubscriptionMessage } from '../port';
import { Backoff, backoffDelay, sleep } from './backoff';
import { isConnectionError, toReadError } from './esdb-errors';
import { matchesFilter } from '../event-filter';
import { positionMissing, serverFilter, toRecordedEvent } from './esdb-events';
import {
  allPosition,
  comparePositions,
  isUnsetPosition,
  toPortPosition,
  toReadPosition,
} from './esdb-positions';

export interface EsdbSubscriptionOptions {
  fromPosition: number;
  filter?: EventFilter;
  retry: Backoff;
  endpoint: string;
  onRetry?(reason: string, delayMs: number): void;
  onClose(subscription: EsdbAllSubscription): void;
}

/** Messages buffered ahead of the consumer before the gRPC stream is paused (and the server held back). */
const HIGH_WATER = 512;
const LOW_WATER = 128;

class SubscriptionEnded extends Error {
  override readonly name = 'SubscriptionEnded';
  // A server never ends a subscription on its own accord; treat it like a dropped connection.
  readonly code = 14;
}

interface Attempt {
  subscription: AllStreamSubscription;
  settle(error: unknown): void;
}

/**
 * A $all subscription that outlives connections. It follows one client
 * subscription at a time; when that one fails for a connection reason it
 * resubscribes, with backoff, strictly after the last place of $all it was
 * given: an event (delivered or filtered out) or a server checkpoint. Events at
 * or before that place are dropped, so the consumer sees each event once and
 * in order across any number of drops. `caught-up` is said once, the first
 * time the server says it.
 *
 * The client reports `caughtUp` and checkpoints as side signals while events
 * flow through a Node stream buffer; each signal is applied only once every
 * event the server sent before it has come out of that buffer, so it lands at
 * its place in the sequence.
 */
export class EsdbAllSubscription implements AllSubscription {
  private readonly queue: SubscriptionMessage[] = [];
  private wake: (() => void) | undefined;
  private failure: { error: unknown } | undefined;
  private closed = false;
  private iterating = false;
  private caughtUpSaid = false;
  private resumeAfter: Position | undefined;
  private attempt: Attempt | undefined;
  private readonly closing: Promise<void>;
  private signalClosing!: () => void;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbSubscriptionOptions,
  ) {
    const start = toReadPosition(options.fromPosition);
    this.resumeAfter = start === START ? undefined : start;
    this.closing = new Promise((resolve) => (this.signalClosing = resolve));
  }

  [Symbol.asyncIterator](): AsyncIterator<SubscriptionMessage> {
    if (this.iterating) throw new Error('A subscription can be iterated only once');
    this.iterating = true;
    void this.run();
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signalClosing();
    this.queue.length = 0;
    this.attempt?.settle(new SubscriptionEnded('closed'));
    this.wake?.();
    this.options.onClose(this);
  }

  private async next(): Promise<IteratorResult<SubscriptionMessage>> {
    for (;;) {
      if (this.closed) return { done: true, value: undefined };
      const message = this.queue.shift();
      if (message) {
        if (this.queue.length <= LOW_WATER) this.attempt?.subscription.resume();
        return { done: false, value: message };
      }
      if (this.failure) {
        const { error } = this.failure;
        await this.close();
        throw error;
      }
      await new Promise<void>((resolve) => (this.wake = resolve));
      this.wake = undefined;
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.closed) {
      const { error, progressed } = await this.follow();
      if (this.closed) return;
      if (!isConnectionError(error)) {
        this.failure = { error: toReadError(error, this.options.endpoint) };
        this.wake?.();
        return;
      }
      failures = progressed ? 0 : failures + 1;
      const delay = backoffDelay(this.options.retry, failures);
      this.options.onRetry?.(error instanceof Error ? error.message : String(error), delay);
      await sleep(delay, this.closing);
    }
  }

  /** One client subscription, from where the last one left off, until it fails or ends. */
  private follow(): Promise<{ error: unknown; progressed: boolean }> {
    return new Promise((resolve) => {
      let received = 0;
      let progressed = false;
      const pending: Array<{ after: number; apply: () => void }> = [];
      const inOrder = (apply: () => void): void => {
        progressed = true;
        const after = received + subscription.readableLength;
        if (after <= received) apply();
        else pending.push({ after, apply });
      };
      const subscription = this.client.subscribeToAll({
        fromPosition: this.resumeAfter ?? START,
        filter: serverFilter(this.options.filter, (position) => inOrder(() => this.advance(position))),
      });
      subscription.on('confirmation', () => (progressed = true));
      subscription.on('caughtUp', () => inOrder(() => this.sayCaughtUp()));
      subscription.on('data', (resolved: AllStreamResolvedEvent) => {
        received += 1;
        progressed = true;
        const fault = this.receive(resolved);
        if (fault) return attempt.settle(fault);
        while (pending.length > 0 && pending[0].after <= received) pending.shift()?.apply();
        if (this.queue.length >= HIGH_WATER) subscription.pause();
      });
      const attempt: Attempt = {
        subscription,
        settle: (error) => {
          if (this.attempt !== attempt) return;
          this.attempt = undefined;
          subscription.removeAllListeners('data');
          void subscription.unsubscribe().catch(() => undefined);
          resolve({ error, progressed });
        },
      };
      this.attempt = attempt;
      subscription.on('error', (error) => attempt.settle(error));
      subscription.on('end', () =>
        attempt.settle(new SubscriptionEnded('The server ended the subscription')),
      );
    });
  }

  /** Returns an error, rather than misplace the subscription, for an event the server gave no position. */
  private receive(resolved: AllStreamResolvedEvent): Error | undefined {
    const event = resolved.event;
    if (!event) return undefined;
    const at = allPosition(event.position, resolved.commitPosition);
    if (!at) return positionMissing(event);
    if (this.resumeAfter && comparePositions(at, this.resumeAfter) <= 0) return undefined;
    this.resumeAfter = at;
    const recorded = toRecordedEvent(event, resolved.commitPosition);
    if (recorded && matchesFilter(recorded, this.options.filter))
      this.push({ kind: 'event', event: recorded });
    return undefined;
  }

  private advance(position: Position): void {
    if (isUnsetPosition(position)) return;
    if (!this.resumeAfter || comparePositions(position, this.resumeAfter) > 0) this.resumeAfter = position;
  }

  private sayCaughtUp(): void {
    if (this.caughtUpSaid) return;
    this.caughtUpSaid = true;
    const reached = this.resumeAfter ? toPortPosition(this.resumeAfter.commit) : 0;
    this.push({ kind: 'caught-up', position: Math.max(this.options.fromPosition, reached) });
  }

  private push(message: SubscriptionMessage): void {
    this.queue.push(message);
    this.wake?.();
  }
}
