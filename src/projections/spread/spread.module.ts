import { Module } from '@nestjs/common';
import { CommandsModule } from '../../commands/commands.module';
import { SpreadController } from './spread.controller';

@Module({ imports: [CommandsModule], controllers: [SpreadController] })
export class SpreadModule {}
