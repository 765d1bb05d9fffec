import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { OrganisationResolver } from '../auth/organisation-resolver';
import { CatalogueService } from './catalogue.service';
import { CommandGateway } from './command-gateway';
import { AGGREGATES } from './catalogue';
import { CommandsController } from './commands.controller';
import { ExecuteCommandHandler } from './execute-command.handler';
import { ExecuteCommandBatchHandler } from './execute-command-batch.handler';
import { FactLookups } from './fact-lookups';
import { ConflictRetry } from './conflict-retry';
import { StreamStateCache } from './stream-state-cache';
import { StreamsController } from './streams.controller';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';

@Module({
  controllers: [CommandsController, StreamsController],
  providers: [
    { provide: CatalogueService, useFactory: () => new CatalogueService(AGGREGATES) },
    {
      provide: StreamStateCache,
      inject: [EVENT_STORE, AppConfig],
      useFactory: (store: EventStore, config: AppConfig) =>
        new StreamStateCache(store, 5_000, config.COMMAND_CACHE_MAX_EVENTS),
    },
    FactLookups,
    OrganisationResolver,
    CommandGateway,
    { provide: ConflictRetry, useFactory: () => new ConflictRetry() },
    ExecuteCommandHandler,
    ExecuteCommandBatchHandler,
  ],
  // FactLookups: the import path reads a measure's Always Event to check a row before it is sent.
  exports: [CatalogueService, CommandGateway, FactLookups],
})
export class CommandsModule {}
