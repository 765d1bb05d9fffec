import { BeforeApplicationShutdown, Global, Inject, Module, OnApplicationBootstrap } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { Registry } from 'prom-client';
import { AppConfig } from '../../config/app-config';
import { EVENT_STORE } from '../../event-store/port';
import type { EventStore } from '../../event-store/port';
import { STATE_DATABASE } from '../../state/state.module';
import { READ_MODELS } from '../catalogue';
import { ProjectionRunner } from './projection-runner';
import { ReadModelReader } from '../http/read-model-reader';
import { ReadModelGate } from './read-model-gate';
import { registerReadModelMetrics } from './read-model-metrics';
import { ReadModelsController } from './read-models.controller';
import { SnapshotStore } from './snapshot-store';
import { AsOfSnapshotStore } from '../as-of/as-of-snapshot-store';
import { AsOfSnapshotRefresher } from '../as-of/as-of-refresher';

/** Runs the read models in this process (any process that serves queries, or has the `projections` role). */
@Global()
@Module({
  controllers: [ReadModelsController],
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, STATE_DATABASE, AppConfig],
      useFactory: (store: EventStore, db: Database.Database, config: AppConfig) =>
        new ProjectionRunner(store, new SnapshotStore(db), READ_MODELS, {
          snapshotEveryEvents: config.SNAPSHOT_EVERY_EVENTS,
          snapshotIntervalMs: config.SNAPSHOT_INTERVAL_MS,
        }),
    },
    {
      provide: AsOfSnapshotStore,
      inject: [STATE_DATABASE],
      useFactory: (db: Database.Database) => new AsOfSnapshotStore(db),
    },
    ReadModelGate,
    ReadModelReader,
  ],
  exports: [ProjectionRunner, ReadModelGate, ReadModelReader, AsOfSnapshotStore],
})
export class ProjectionsModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly refresher: AsOfSnapshotRefresher;

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(AppConfig) private readonly config: AppConfig,
    registry: Registry,
    @Inject(EVENT_STORE) store: EventStore,
    snapshots: AsOfSnapshotStore,
  ) {
    registerReadModelMetrics(registry, runner, store);
    this.refresher = new AsOfSnapshotRefresher(store, runner, snapshots, config.AS_OF_SNAPSHOT_MONTHS);
  }

  onApplicationBootstrap(): void {
    if (this.config.APP_ROLES.includes('api') || this.config.APP_ROLES.includes('projections'))
      this.runner.start();
    // As-of queries are answered where the HTTP API is.
    if (this.config.APP_ROLES.includes('api')) this.refresher.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.refresher.stop();
    await this.runner.stop();
  }
}
