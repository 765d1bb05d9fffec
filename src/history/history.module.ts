import { Global, Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { DataCutsController } from './data-cuts.controller';
import { HistoryController } from './history.controller';
import { ReadModelReader } from './read-model-reader';

@Global()
@Module({
  imports: [CommandsModule],
  controllers: [HistoryController, DataCutsController],
  providers: [ReadModelReader],
  exports: [ReadModelReader],
})
export class HistoryModule {}
