import { Module } from '@nestjs/common';
import { ProgrammeReportService } from './programme-report';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController], providers: [ProgrammeReportService] })
export class ReportsModule {}
