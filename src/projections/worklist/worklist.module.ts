import { Module } from '@nestjs/common';
import { CommandsModule } from '../../commands/commands.module';
import { WorklistController } from './worklist.controller';

@Module({ imports: [CommandsModule], controllers: [WorklistController] })
export class WorklistModule {}
