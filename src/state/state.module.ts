import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { CheckpointStore } from './checkpoint-store';

export const STATE_DATABASE = Symbol('StateDatabase');

/** Provides the embedded state database (opened before Nest starts, see createApp) and its checkpoints. */
@Global()
@Module({})
export class StateModule implements OnApplicationShutdown {
  constructor(@Inject(STATE_DATABASE) private readonly db: Database.Database) {}

  static forRoot(db: Database.Database): DynamicModule {
    return {
      module: StateModule,
      providers: [
        { provide: STATE_DATABASE, useValue: db },
        { provide: CheckpointStore, useValue: new CheckpointStore(db) },
      ],
      exports: [STATE_DATABASE, CheckpointStore],
    };
  }

  onApplicationShutdown(): void {
    if (this.db.open) this.db.close();
  }
}
