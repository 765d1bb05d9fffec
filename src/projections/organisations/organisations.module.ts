import { Module } from '@nestjs/common';
import { AlwaysEventsController } from './always-events.controller';
import { OrganisationsController } from './organisations.controller';

@Module({ controllers: [OrganisationsController, AlwaysEventsController] })
export class OrganisationsModule {}
