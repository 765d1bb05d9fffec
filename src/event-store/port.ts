import { ExpectedRevision } from './expected-revision';
import type { IdempotencyClaim, IdempotencyKeyUse } from './idempotency-claim';
import { AppendResult, NewEvent, RecordedEvent, SerializedEvent } from './recorded-event';

export interface AppendOptions {
  /** Defaults to `any`. */
  expectedRevision?: ExpectedRevision;
  /**
   * Claims an idempotency key for this append. The first append that claims
   * a key records it; a later claim of the same key with another fingerprint
   * fails with IdempotencyKeyReusedError and writes nothing. A claim with the
   * same fingerprint is a retry and appends as usual.
   */
  idempotency?: IdempotencyClaim;
}

export type ReadDirection = 'forwards' | 'backwards';

export interface ReadStreamOptions {
  /** First revision to return (inclusive); defaults to the start (forwards) or the end (backwards). */
  fromRevision?: number;
  direction?: ReadDirection;
  maxCount?: number;
}

/**
 * Which events of $all to deliver. System events (types starting with `$`) are
 * always excluded.
 */
export interface EventFilter {
  streamPrefixes?: readonly string[];
  eventTypes?: readonly string[];
}

export interface ReadAllOptions {
  /**
   * First global position to return (inclusive); defaults to the start.
   * Positions are opaque: pass 0 or a position the store gave (an event's, a
   * checkpoint, a head). EventStoreDB's are byte offsets in its log, and it
   * refuses to start reading anywhere else.
   */
  fromPosition?: number;
  /** Last global position to return (inclusive), e.g. a data cut's bound. */
  toPosition?: number;
  maxCount?: number;
  filter?: EventFilter;
}

export interface SubscribeToAllOptions {
  /** Deliver events strictly after this position (a checkpoint the store gave); defaults to 0, the start. */
  fromPosition?: number;
  filter?: EventFilter;
}

export type SubscriptionMessage =
  | { kind: 'event'; event: RecordedEvent }
  /** Every event up to `position` has been delivered; later events arrive live. */
  | { kind: 'caught-up'; position: number };

/**
 * An endless, ordered feed of $all. Iterating applies back-pressure: the next
 * message is read only after the consumer asks for it. `close()` ends the
 * iteration; a failure of the store ends it with that error.
 */
export interface AllSubscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

/** The one event-store port (DESIGN.md §3); every adapter passes test/event-store's conformance suite. */
export interface EventStore {
  appendToStream(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** Events of one stream; a missing stream reads as an empty list. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Current revision of a stream; -1 when it does not exist. */
  streamRevision(stream: string): Promise<number>;
  /** The first use of an idempotency key, as recorded by an append that claimed it. */
  idempotencyKeyUse(key: string): Promise<IdempotencyKeyUse | undefined>;
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /**
   * The same events as `readAll`, each as one JSON text. An export writes
   * them without a parse and re-serialisation per event; a store that holds
   * parsed events serialises them here.
   */
  readAllSerialized(options?: ReadAllOptions): Promise<SerializedEvent[]>;
  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;
  /** Position of the last event in $all; 0 when the store is empty. */
  headPosition(): Promise<number>;
  /** Throws EventStoreUnavailableError when the store cannot serve requests. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');
