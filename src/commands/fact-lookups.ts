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

/** A batch's states of the streams it has open (working-streams.ts). */
export interface WorkingStates {
  open<S, E extends AnyDomainEvent>(folder: Folder<S, E>, streamId: string): { state: S } | undefined;
}

/**
 * What command definitions may read from other aggregates to check a
 * cross-aggregate rule. Folding the other stream is exact at the moment of
 * the check; another command may change it a moment later, which is the
 * documented, accepted window of eventual consistency between aggregates.
 */
@Injectable()
export class FactLookups {
  /** Told of every stream read (see `observed`). */
  private onRead?: (streamId: string) => void;
  /** States a batch is deciding on (see `observed`). */
  private working?: WorkingStates;

  constructor(
    private readonly streams: StreamStateCache,
    private readonly queries: QueryBus,
    @Optional() @Inject(PERSONAL_DATA) private readonly personalData: PersonalDataEventStore | null = null,
  ) {}

  /**
   * The same look-ups, telling `onRead` of every stream they read: the
   * batched path defers a command whose facts read a stream the batch wrote.
   * `read` picks from a stream the batch has open from its working state
   * (what its commands so far leave, as one by one they would have), which
   * the batch has taken out of the cache.
   */
  observed(onRead: (streamId: string) => void, working?: WorkingStates): FactLookups {
    const observing = Object.create(this) as FactLookups;
    observing.onRead = onRead;
    observing.working = working;
    return observing;
  }

  /** Whether personal data is held for a person (a key was issued), or was erased. */
  async personalDataHolding(personId: string): Promise<PersonalDataHoldingStatus> {
    return this.personalData ? this.personalData.holdingStatus(personId) : 'none';
  }

  /** Checksums of every read model folded inside the bounds (for data cuts): asked of the read side. */
  readModelChecksums(bounds: Bounds): Promise<ReadModelChecksums> {
    return this.queries.execute(new ReadModelChecksumsQuery(bounds));
  }

  /**
   * Part of another aggregate's state, picked as it is now. `pick` must
   * return values, not parts of the state (an id, a status, a copy), so
   * nothing need be kept apart for it: a command reading its own stream's
   * facts this way leaves the state to be folded in place after its append
   * (see StreamStateCache).
   */
  async read<S, E extends AnyDomainEvent, T>(
    folder: Folder<S, E>,
    streamId: string,
    pick: (state: S) => T,
  ): Promise<T> {
    this.onRead?.(streamId);
    const open = this.working?.open(folder, streamId);
    return pick(open ? open.state : (await this.streams.load(folder, streamId)).state);
  }

  /** Another aggregate's state, folded from its stream, as it is now whatever is folded after. */
  async load<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
  ): Promise<{ state: S; revision: number }> {
    this.onRead?.(streamId);
    return this.streams.lend(folder, streamId);
  }
}
