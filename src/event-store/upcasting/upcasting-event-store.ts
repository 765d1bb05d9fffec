import {
  AllSubscription,
  AppendOptions,
  DeleteStreamOptions,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../port';
import { mapSubscription } from '../mapped-subscription';
import {
  AppendResult,
  NewEvent,
  parseSerializedEvent,
  RecordedEvent,
  SerializedEvent,
  serializeEvent,
} from '../recorded-event';
import type { IdempotencyKeyUse } from '../idempotency-claim';
import { UpcasterRegistry } from './upcaster-registry';

/** The EventStore port with every event read upcast to its current schema version. */
export class UpcastingEventStore implements EventStore {
  constructor(
    readonly inner: EventStore,
    private readonly registry: UpcasterRegistry,
  ) {}

  private readonly up = (event: RecordedEvent): RecordedEvent => this.registry.upcast(event);

  appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    return this.inner.appendToStream(stream, events, options);
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readStream(stream, options)).map(this.up);
  }

  streamRevision(stream: string): Promise<number> {
    return this.inner.streamRevision(stream);
  }

  idempotencyKeyUse(key: string): Promise<IdempotencyKeyUse | undefined> {
    return this.inner.idempotencyKeyUse(key);
  }

  idempotencyKeyUses(keys: readonly string[]): Promise<Map<string, IdempotencyKeyUse>> {
    return this.inner.idempotencyKeyUses(keys);
  }

  deleteStream(stream: string, options?: DeleteStreamOptions): Promise<void> {
    return this.inner.deleteStream(stream, options);
  }

  tombstoneStream(stream: string, options?: DeleteStreamOptions): Promise<void> {
    return this.inner.tombstoneStream(stream, options);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return (await this.inner.readAll(options)).map(this.up);
  }

  /** Only events stored at a version with an upcaster are parsed; the rest pass through as stored. */
  async readAllSerialized(options?: ReadAllOptions): Promise<SerializedEvent[]> {
    const events = await this.inner.readAllSerialized(options);
    return events.map((event) =>
      this.registry.upcasts(event.type, event.schemaVersion)
        ? serializeEvent(this.registry.upcast(parseSerializedEvent(event)))
        : event,
    );
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return mapSubscription(this.inner.subscribeToAll(options), this.up);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
