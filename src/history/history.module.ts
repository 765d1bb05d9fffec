import { Global, Module } from '@nestjs/common';
import { DataCutsController } from './data-cuts.controller';
import { HistoryController } from './history.controller';
import { ReadModelChecksumsHandler } from './read-model-checksums.handler';

@Global()
@Module({
  controllers: [HistoryController, DataCutsController],
  providers: [ReadModelChecksumsHandler],
})
export class HistoryModule {}
