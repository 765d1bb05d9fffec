import { Inject, Injectable, Optional } from '@nestjs/common';
import { Decider } from '../domain/decider';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { Bounds } from '../history/bounds';
import { readModelChecksums, ReadModelChecksums } from '../history/data-cut-checksums';
import { PERSONAL_DATA } from '../personal-data/personal-data-event-store';
import type {
  PersonalDataEventStore,
  PersonalDataHoldingStatus,
} from '../personal-data/personal-data-event-store';
import { READ_MODELS } from '../projections/catalogue';
import { StreamStateCache } from './stream-state-cache';
import type { AnyDomainEvent } from './command-definition';

/**
 * What command definitions may read from other aggregates to check a
 * cross-aggregate rule. Folding the other stream is exact at the moment of
 * the check; another command may change it a moment later, which is the
 * documented, accepted window of eventual consistency between aggregates.
 */
@Injectable()
export class FactLookups {
  readonly streams: StreamStateCache;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Optional() @Inject(PERSONAL_DATA) private readonly personalData: PersonalDataEventStore | null = null,
  ) {
    this.streams = new StreamStateCache(store);
  }

  /** Whether personal data is held for a person (a key was issued), or was erased. */
  async personalDataHolding(personId: string): Promise<PersonalDataHoldingStatus> {
    return this.personalData ? this.personalData.holdingStatus(personId) : 'none';
  }

  /** Checksums of every read model folded inside the bounds (for data cuts). */
  readModelChecksums(bounds: Bounds): Promise<ReadModelChecksums> {
    return readModelChecksums(this.store, READ_MODELS, bounds);
  }

  async load<S>(
    decider: Pick<Decider<never, never, S>, 'initialState' | 'evolve'>,
    streamId: string,
  ): Promise<{ state: S; revision: number }> {
    const { state, revision } = await this.streams.load(
      decider as Pick<Decider<never, AnyDomainEvent, S>, 'initialState' | 'evolve'>,
      streamId,
    );
    return { state, revision };
  }
}
