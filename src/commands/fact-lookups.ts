import { Inject, Injectable, Optional } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { PERSONAL_DATA } from '../personal-data/personal-data-event-store';
import type {
  PersonalDataEventStore,
  PersonalDataHoldingStatus,
} from '../personal-data/personal-data-event-store';
import type { Bounds } from '../shared/bounds';
import { ReadModelChecksums, ReadModelChecksumsQuery } from '../shared/read-model-checksums.query';
import type { AnyDomainEvent } from './command-definition';
import { Folder, StreamStateCache } from './stream-state-cache';

/**
 * What command definitions may read from other aggregates to check a
 * cross-aggregate rule. Folding the other stream is exact at the moment of
 * the check; another command may change it a moment later, which is the
 * documented, accepted window of eventual consistency between aggregates.
 */
@Injectable()
export class FactLookups {
  constructor(
    private readonly streams: StreamStateCache,
    private readonly queries: QueryBus,
    @Optional() @Inject(PERSONAL_DATA) private readonly personalData: PersonalDataEventStore | null = null,
  ) {}

  /** Whether personal data is held for a person (a key was issued), or was erased. */
  async personalDataHolding(personId: string): Promise<PersonalDataHoldingStatus> {
    return this.personalData ? this.personalData.holdingStatus(personId) : 'none';
  }

  /** Checksums of every read model folded inside the bounds (for data cuts): asked of the read side. */
  readModelChecksums(bounds: Bounds): Promise<ReadModelChecksums> {
    return this.queries.execute(new ReadModelChecksumsQuery(bounds));
  }

  /** Another aggregate's state, folded from its stream. */
  async load<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
  ): Promise<{ state: S; revision: number }> {
    const { state, revision } = await this.streams.load(folder, streamId);
    return { state, revision };
  }
}
