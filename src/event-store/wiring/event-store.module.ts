import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import type { EsdbEventStore } from '../esdb/esdb-event-store';
import { EVENT_STORE } from '../port';
import type { EventStore } from '../port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { UpcastingEventStore } from '../upcasting/upcasting-event-store';
import {
  PERSONAL_DATA,
  PersonalDataEventStore,
  personalDataOf,
} from '../../personal-data/personal-data-event-store';
import { SqliteKeyStore } from '../../personal-data/sqlite-key-store';

/**
 * The configured adapter, with staff personal data sealed under each person's
 * key (docs/governance/erasure-and-redaction.md) and every event it reads
 * upcast to its current schema version by the upcasters the composition
 * root registers (they see plaintext).
 */
export async function openEventStore(
  config: AppConfig,
  upcasters: UpcasterRegistry,
  now?: () => Date,
): Promise<EventStore> {
  return new UpcastingEventStore(protectPersonalData(await openAdapter(config, now), now), upcasters);
}

function protectPersonalData(adapter: EventStore, now?: () => Date): PersonalDataEventStore {
  const logger = new Logger('PersonalData');
  if (adapter instanceof SqliteEventStore) {
    return new PersonalDataEventStore(adapter, new SqliteKeyStore(adapter.db, now), { logger });
  }
  // A key and an erasure are two reads away on EventStoreDB: reused for a moment, and forgotten
  // at once when this process sees the erasure go by.
  const { EsdbKeyStore } = esdbKeyStore();
  const client = (adapter as EsdbEventStore).client;
  return new PersonalDataEventStore(adapter, new EsdbKeyStore(client), { logger, cacheMs: 2_000 });
}

async function openAdapter(config: AppConfig, now?: () => Date): Promise<EventStore> {
  switch (config.EVENT_STORE) {
    case 'sqlite':
      return SqliteEventStore.open({ path: config.SQLITE_PATH, synchronous: config.SQLITE_SYNCHRONOUS, now });
    case 'esdb': {
      const { EsdbEventStore } = esdbAdapter();
      // Never waits for the server: an unreachable EventStoreDB leaves the service up and not ready.
      return EsdbEventStore.open({
        connectionString: config.EVENTSTORE_CONNECTION_STRING as string,
        retry: { initialMs: config.EVENTSTORE_RECONNECT_MIN_MS, maxMs: config.EVENTSTORE_RECONNECT_MAX_MS },
        logger: new Logger('EventStoreDB'),
      });
    }
  }
}

/*
 * The EventStoreDB adapter's modules are loaded only when it is configured: @eventstore/db-client
 * and gRPC add a tenth of a second to every start of a service on the embedded store (more in each
 * test file's fresh module registry).
 */
/* eslint-disable @typescript-eslint/no-require-imports -- a static import would load the client everywhere */
function esdbAdapter(): typeof import('../esdb/esdb-event-store') {
  return require('../esdb/esdb-event-store') as typeof import('../esdb/esdb-event-store');
}
function esdbKeyStore(): typeof import('../../personal-data/esdb-key-store') {
  return require('../../personal-data/esdb-key-store') as typeof import('../../personal-data/esdb-key-store');
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Provides the configured adapter behind the EVENT_STORE port and closes it on shutdown. */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * The store is opened before Nest starts (see createApp), so a bad path or
   * file stops start-up with one clear line instead of a DI stack trace.
   */
  static forRoot(store: EventStore): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: PERSONAL_DATA, useValue: personalDataOf(store) ?? null },
      ],
      exports: [EVENT_STORE, PERSONAL_DATA],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
