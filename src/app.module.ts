import { DynamicModule, Module } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { CommandsModule } from './commands/commands.module';
import { AnalyticsApiModule } from './analytics-api/analytics-api.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { EvaluationModule } from './projections/evaluation/evaluation.module';
import { EventStoreModule } from './event-store/event-store.module';
import type { EventStore } from './event-store/port';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { LoggingModule } from './logging/logging.module';
import { ProjectionsModule } from './projections/runner/projections.module';
import { SpreadModule } from './projections/spread/spread.module';
import { RegisterModule } from './register/register.module';
import { StateModule } from './state/state.module';

/** What createApp opens before Nest starts, so its failures are one clear line. */
export interface Infrastructure {
  store: EventStore;
  state: Database.Database;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        EventStoreModule.forRoot(infrastructure.store),
        StateModule.forRoot(infrastructure.state),
        HealthModule,
        CommandsModule,
        RegisterModule,
        ProjectionsModule,
        HistoryModule,
        AnalyticsApiModule,
        SpreadModule,
        EvaluationModule,
      ],
    };
  }
}
