import { Module } from '@nestjs/common';
import { CommandsModule } from '../../commands/commands.module';
import { EvaluationController } from './evaluation.controller';

@Module({ imports: [CommandsModule], controllers: [EvaluationController] })
export class EvaluationModule {}
