import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganisationResolver } from '../auth/organisation-resolver';
import { CatalogueService } from './catalogue.service';
import { CommandGateway } from './command-gateway';
import { AGGREGATES } from './catalogue';
import { CommandsController } from './commands.controller';
import { ExecuteCommandHandler } from './execute-command.handler';
import { ExecuteCommandBatchHandler } from './execute-command-batch.handler';
import { FactLookups } from './fact-lookups';
import { ConflictRetry } from './conflict-retry';
import { StreamsController } from './streams.controller';

@Module({
  imports: [CqrsModule.forRoot()],
  controllers: [CommandsController, StreamsController],
  providers: [
    { provide: CatalogueService, useFactory: () => new CatalogueService(AGGREGATES) },
    FactLookups,
    OrganisationResolver,
    CommandGateway,
    { provide: ConflictRetry, useFactory: () => new ConflictRetry() },
    ExecuteCommandHandler,
    ExecuteCommandBatchHandler,
  ],
  exports: [CatalogueService, FactLookups, CommandGateway, CqrsModule],
})
export class CommandsModule {}
