import { Module } from '@nestjs/common';
import { CommandsModule } from '../../commands/commands.module';
import { EvaluationsController } from './evaluations.controller';

@Module({ imports: [CommandsModule], controllers: [EvaluationsController] })
export class EvaluationsModule {}
