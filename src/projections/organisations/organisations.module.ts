import { Module } from '@nestjs/common';
import { CommandsModule } from '../../commands/commands.module';
import { AlwaysEventsController } from './always-events.controller';
import { OrganisationsController } from './organisations.controller';

@Module({ imports: [CommandsModule], controllers: [OrganisationsController, AlwaysEventsController] })
export class OrganisationsModule {}
