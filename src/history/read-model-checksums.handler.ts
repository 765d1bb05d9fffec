import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { READ_MODELS } from '../projections/catalogue';
import { ReadModelChecksums, ReadModelChecksumsQuery } from '../shared/read-model-checksums.query';
import { readModelChecksums } from './data-cut-checksums';

/** Answers the write side's TakeDataCut: every read model folded inside the bounds, fingerprinted. */
@QueryHandler(ReadModelChecksumsQuery)
export class ReadModelChecksumsHandler implements IQueryHandler<ReadModelChecksumsQuery, ReadModelChecksums> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ bounds }: ReadModelChecksumsQuery): Promise<ReadModelChecksums> {
    return readModelChecksums(this.store, READ_MODELS, bounds);
  }
}
