import { RecordedEvent } from '../recorded-event';
import { withChanges } from '../../shared/with-changes';

/** Turns one event type's payload at one schema version into the next version's. */
export interface Upcaster {
  type: string;
  fromVersion: number;
  upcast(data: never): unknown;
}

/**
 * Old schema versions are upcast on read, one version at a time, so every
 * consumer (deciders, read models, time travel, the relay) only ever sees
 * current shapes; stored events are never rewritten. The event keeps the
 * version it was stored at in `metadata.storedSchemaVersion`.
 */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[]) {
    for (const upcaster of upcasters) {
      const key = `${upcaster.type}@${upcaster.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`Two upcasters for ${key}`);
      this.byKey.set(key, upcaster);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Whether an event of this type stored at this schema version (unset: 1) is upcast on read. */
  upcasts(type: string, schemaVersion: unknown): boolean {
    return this.byKey.has(`${type}@${Number(schemaVersion ?? 1)}`);
  }

  upcast(event: RecordedEvent): RecordedEvent {
    if (!this.upcasts(event.type, event.metadata.schemaVersion)) return event;
    let version = Number(event.metadata.schemaVersion ?? 1);
    let upcaster = this.byKey.get(`${event.type}@${version}`);
    let data = event.data;
    const stored = version;
    while (upcaster) {
      data = upcaster.upcast(data as never);
      version++;
      upcaster = this.byKey.get(`${event.type}@${version}`);
    }
    return withChanges(event, {
      data,
      metadata: withChanges(event.metadata, { schemaVersion: version, storedSchemaVersion: stored }),
    });
  }
}
