import { DomainError } from '../domain/shared';
import { personalDataStreamId } from '../domain/personal-data/commands';
import type {
  AllSubscription,
  AppendOptions,
  DeleteStreamOptions,
  EventStore,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeToAllOptions,
} from '../event-store/port';
import type { IdempotencyKeyUse } from '../event-store/idempotency-claim';
import { mapSubscription } from '../event-store/mapped-subscription';
import {
  AppendResult,
  NewEvent,
  parseSerializedEvent,
  RecordedEvent,
  SerializedEvent,
  serializeEvent,
} from '../event-store/recorded-event';
import type { PersonalDataKeyStore } from './key-store';
import { isSealed, open, seal } from './personal-data-cipher';
import { ERASED, holdsPersonalData, mapPersonalValues } from './personal-fields';
import { withChanges } from '../shared/with-changes';

export const PERSONAL_DATA = Symbol('PersonalData');
export const ERASURE_EVENT = 'PersonalDataErased';

export type PersonalDataHoldingStatus = 'held' | 'erased' | 'none';

export interface PersonalDataLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface PersonalDataOptions {
  /**
   * How long a subject's key and erasure status may be reused before they are
   * read again. 0 (SQLite: a look-up costs microseconds) reads them for every
   * call, so an erasure by another process sharing the file shows at once.
   */
  cacheMs?: number;
  logger?: PersonalDataLogger;
}

interface SubjectStatus {
  erased: boolean;
  key: Buffer | undefined;
  at: number;
}

const silent: PersonalDataLogger = { log: () => undefined, warn: () => undefined };

/**
 * The EventStore port with staff personal data sealed at rest. On append,
 * each classified value (personal-fields.ts) is encrypted under its person's
 * own key; every read path (streams, $all, its serialised form,
 * subscriptions) opens it again, or shows `[erased]` once the person's
 * erasure is in the log. Deciders, projections, history, export and the
 * relay read through it unchanged.
 *
 * A person is erased when their `personal-data-<personId>` stream holds
 * PersonalDataErased: the log decides, the key store follows. The key is
 * destroyed right after that event is appended, and again by any read that
 * finds it still there (a process killed in between), so no crash leaves an
 * erased person readable.
 */
export class PersonalDataEventStore implements EventStore {
  private readonly cache = new Map<string, SubjectStatus>();
  private readonly cacheMs: number;
  private readonly logger: PersonalDataLogger;
  private readonly warned = new Set<string>();

  constructor(
    readonly inner: EventStore,
    readonly keys: PersonalDataKeyStore,
    options: PersonalDataOptions = {},
  ) {
    this.cacheMs = options.cacheMs ?? 0;
    this.logger = options.logger ?? silent;
  }

  async appendToStream(
    stream: string,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const sealed = await Promise.all(events.map((event) => this.sealEvent(event)));
    const result = await this.inner.appendToStream(stream, sealed, options);
    for (const event of events) {
      if (event.type === ERASURE_EVENT) await this.destroyKey(erasedPersonOf(event.data));
    }
    return result;
  }

  /** Held: a key was issued; erased: the log records the erasure; none: never seen. */
  async holdingStatus(personId: string): Promise<PersonalDataHoldingStatus> {
    const status = await this.status(personId.toLowerCase(), new Map());
    return status.erased ? 'erased' : status.key ? 'held' : 'none';
  }

  async readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(stream, options));
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
    return this.openAll(await this.inner.readAll(options));
  }

  /** Only events that can hold personal data are parsed; the rest pass through as stored. */
  async readAllSerialized(options?: ReadAllOptions): Promise<SerializedEvent[]> {
    const events = await this.inner.readAllSerialized(options);
    const memo = new Map<string, SubjectStatus>();
    return Promise.all(
      events.map(async (event) =>
        holdsPersonalData(event.type) || event.type === ERASURE_EVENT
          ? serializeEvent(await this.openEvent(parseSerializedEvent(event), memo))
          : event,
      ),
    );
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return mapSubscription(this.inner.subscribeToAll(options), (event) => this.openEvent(event, new Map()));
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

  private async sealEvent(event: NewEvent): Promise<NewEvent> {
    if (!holdsPersonalData(event.type)) return event;
    const memo = new Map<string, SubjectStatus>();
    const data = await mapPersonalValues(event.type, event.data, async ({ subject, path, value }) => {
      if (value === ERASED) return value;
      if ((await this.status(subject, memo)).erased) {
        throw new DomainError(
          'person-erased',
          `Person ${subject} was erased: their personal data cannot be recorded again (a returning person needs a new personId)`,
          'conflict',
          path,
        );
      }
      const key = await this.keys.keyFor(subject);
      this.remember(subject, { erased: false, key, at: Date.now() }, memo);
      return seal(key, subject, value);
    });
    return data === event.data ? event : withChanges(event, { data });
  }

  private async openAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    const memo = new Map<string, SubjectStatus>();
    const opened: RecordedEvent[] = [];
    // One at a time: a page often names the same person many times, and the memo serves the rest.
    for (const event of events) opened.push(await this.openEvent(event, memo));
    return opened;
  }

  private async openEvent(event: RecordedEvent, memo: Map<string, SubjectStatus>): Promise<RecordedEvent> {
    if (event.type === ERASURE_EVENT) this.forget(erasedPersonOf(event.data));
    if (!holdsPersonalData(event.type)) return event;
    const data = await mapPersonalValues(event.type, event.data, async ({ subject, value }) => {
      const status = await this.status(subject, memo);
      if (status.erased) return ERASED;
      // Written before personal data was sealed: shown as stored until the person is erased.
      if (!isSealed(value)) return value;
      if (!status.key)
        return this.unreadable(subject, 'no key and no erasure recorded (was the key store lost?)');
      try {
        return open(status.key, subject, value);
      } catch (error) {
        return this.unreadable(subject, (error as Error).message);
      }
    });
    return data === event.data ? event : withChanges(event, { data });
  }

  /** Key loss is erasure: the value can never be read, and the operator is told once. */
  private unreadable(subject: string, why: string): string {
    if (!this.warned.has(subject)) {
      this.warned.add(subject);
      this.logger.warn(`Personal data of person ${subject} cannot be opened: ${why}; shown as ${ERASED}`);
    }
    return ERASED;
  }

  private async status(subject: string, memo: Map<string, SubjectStatus>): Promise<SubjectStatus> {
    const now = Date.now();
    const known = memo.get(subject) ?? this.cache.get(subject);
    if (known && (memo.has(subject) || now - known.at < this.cacheMs)) return known;
    const erased = (await this.inner.streamRevision(personalDataStreamId(subject))) >= 0;
    const key = await this.keys.find(subject);
    // An erasure whose key outlived it (the process stopped in between): finish it now.
    if (erased && key) await this.destroyKey(subject);
    return this.remember(subject, { erased, key: erased ? undefined : key, at: now }, memo);
  }

  private remember(subject: string, status: SubjectStatus, memo: Map<string, SubjectStatus>): SubjectStatus {
    memo.set(subject, status);
    if (this.cacheMs > 0) this.cache.set(subject, status);
    return status;
  }

  private forget(subject: string | undefined): void {
    if (subject) this.cache.delete(subject);
  }

  private async destroyKey(subject: string | undefined): Promise<void> {
    if (!subject) return;
    this.forget(subject);
    const destruction = await this.keys.destroy(subject);
    if (destruction.destroyed) this.logger.log(`Destroyed the personal-data key of person ${subject}`);
    for (const note of destruction.notes) this.logger.log(note);
    for (const warning of destruction.warnings) this.logger.warn(warning);
  }
}

function erasedPersonOf(data: unknown): string | undefined {
  const personId = (data as { personId?: unknown } | null)?.personId;
  return typeof personId === 'string' ? personId.toLowerCase() : undefined;
}

/** The personal-data layer of a (decorated) store, if it has one. */
export function personalDataOf(store: EventStore): PersonalDataEventStore | undefined {
  let current: EventStore | undefined = store;
  while (current) {
    if (current instanceof PersonalDataEventStore) return current;
    current = (current as { inner?: EventStore }).inner;
  }
  return undefined;
}
