import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { ProgrammeReportService } from './programme-report';
import { ReportsController } from './reports.controller';

@Module({ imports: [CommandsModule], controllers: [ReportsController], providers: [ProgrammeReportService] })
export class ReportsModule {}
