import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { Clock } from './shared/clock';
import { CommandsModule } from './commands/commands.module';
import { CoordinationModule } from './coordination/coordination.module';
import { AnalyticsApiModule } from './analytics-api/analytics-api.module';
import { AuthModule } from './auth/auth.module';
import type { Authenticator } from './auth/authenticator';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { ContactsModule } from './projections/contacts/contacts.module';
import { RedactionModule } from './personal-data/redaction/redaction.module';
import { EvaluationModule } from './projections/evaluation/evaluation.module';
import { EventStoreModule } from './event-store/wiring/event-store.module';
import type { EventStore } from './event-store/port';
import { HealthModule } from './health/health.module';
import { HistoryModule } from './history/history.module';
import { LoggingModule } from './logging/logging.module';
import { ProjectionsModule } from './projections/runner/projections.module';
import { MeasuresModule } from './projections/measures/measures.module';
import { DriverDiagramsModule } from './projections/driver-diagrams/driver-diagrams.module';
import { SpreadModule } from './projections/spread/spread.module';
import { RegisterModule } from './register/register.module';
import { ImportsModule } from './imports/imports.module';
import { ReportsModule } from './reports/reports.module';
import { OrganisationsModule } from './projections/organisations/organisations.module';
import { EvaluationsModule } from './projections/evaluations/evaluations.module';
import { WorklistModule } from './projections/worklist/worklist.module';
import { KafkaModule } from './kafka/kafka.module';
import { MetricsModule } from './metrics/metrics.module';
import { StateModule } from './state/state.module';

/** What createApp opens before Nest starts, so its failures are one clear line. */
export interface Infrastructure {
  store: EventStore;
  state: Database.Database;
  clock: Clock;
  authenticator: Authenticator;
  /** Whether the store held no events when the process started. */
  storeWasEmpty: boolean;
}

/** The one clock every module reads (commands' "now", read models' reporting date). */
@Global()
@Module({})
class ClockModule {
  static forRoot(clock: Clock): DynamicModule {
    return { module: ClockModule, providers: [{ provide: Clock, useValue: clock }], exports: [Clock] };
  }
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, infrastructure: Infrastructure): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(infrastructure.clock),
        // The CommandBus and QueryBus, for every module: the write side's handler, the read side's query handlers.
        CqrsModule.forRoot(),
        LoggingModule.forRoot(config),
        EventStoreModule.forRoot(infrastructure.store),
        CoordinationModule,
        StateModule.forRoot(infrastructure.state),
        MetricsModule,
        KafkaModule.forRoot(config),
        HealthModule,
        CommandsModule,
        AuthModule.forRoot(infrastructure.authenticator, infrastructure.storeWasEmpty),
        RegisterModule,
        ProjectionsModule,
        HistoryModule,
        AnalyticsApiModule,
        SpreadModule,
        MeasuresModule,
        DriverDiagramsModule,
        EvaluationModule,
        ContactsModule,
        RedactionModule,
        ImportsModule,
        OrganisationsModule,
        EvaluationsModule,
        WorklistModule,
        ReportsModule,
      ],
    };
  }
}
