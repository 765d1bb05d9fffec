import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { EventStoreDBClient } from '@eventstore/db-client';
import type Database from 'better-sqlite3';
import { AppConfig } from '../config/app-config';
import { openSqliteDatabase } from '../event-store/sqlite/open-sqlite-database';
import { APPLICATION_ID, SCHEMA, SCHEMA_VERSION, upgradeSchema } from '../event-store/sqlite/schema';
import { SHARED_LEASES, SharedLeases } from './shared-lease';
import { SqliteSharedLease } from './sqlite-shared-lease';

/** Leases on the configured event store, over a connection of their own (opened when first asked for). */
export class StoreLeases {
  private sqlite: Database.Database | undefined;
  private esdb: EventStoreDBClient | undefined;

  constructor(private readonly config: AppConfig) {}

  readonly open: SharedLeases = (options) => {
    if (this.config.EVENT_STORE === 'esdb') {
      const { connectEsdb, EsdbSharedLease } = esdbLeases();
      this.esdb ??= connectEsdb(this.config.EVENTSTORE_CONNECTION_STRING as string);
      return new EsdbSharedLease(this.esdb, options);
    }
    this.sqlite ??= openSqliteDatabase(this.config.SQLITE_PATH, {
      setting: 'SQLITE_PATH',
      applicationId: APPLICATION_ID,
      schemaVersion: SCHEMA_VERSION,
      schema: SCHEMA,
      synchronous: this.config.SQLITE_SYNCHRONOUS,
      upgrade: upgradeSchema,
    });
    return new SqliteSharedLease(this.sqlite, options);
  };

  async close(): Promise<void> {
    if (this.sqlite?.open) this.sqlite.close();
    await this.esdb?.dispose();
  }
}

/** Loaded only on EventStoreDB, as the adapter is (src/event-store/wiring/event-store.module.ts). */
/* eslint-disable @typescript-eslint/no-require-imports -- a static import would load the client everywhere */
function esdbLeases(): typeof import('../event-store/esdb/esdb-client') &
  typeof import('./esdb-shared-lease') {
  return {
    ...(require('../event-store/esdb/esdb-client') as typeof import('../event-store/esdb/esdb-client')),
    ...(require('./esdb-shared-lease') as typeof import('./esdb-shared-lease')),
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

const STORE_LEASES = Symbol('StoreLeases');

/**
 * What the instances of one deployment coordinate through: leases kept in
 * the event store they share, never in an instance's own state file.
 */
@Global()
@Module({
  providers: [
    {
      provide: STORE_LEASES,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new StoreLeases(config),
    },
    { provide: SHARED_LEASES, inject: [STORE_LEASES], useFactory: (leases: StoreLeases) => leases.open },
  ],
  exports: [SHARED_LEASES],
})
export class CoordinationModule implements OnApplicationShutdown {
  constructor(@Inject(STORE_LEASES) private readonly leases: StoreLeases) {}

  async onApplicationShutdown(): Promise<void> {
    await this.leases.close();
  }
}
