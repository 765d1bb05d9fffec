import { Module } from '@nestjs/common';
import { DriverDiagramsController } from './driver-diagrams.controller';

@Module({ controllers: [DriverDiagramsController] })
export class DriverDiagramsModule {}
