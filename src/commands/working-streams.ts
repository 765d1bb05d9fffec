import type { AppendResult, NewEvent } from '../event-store/recorded-event';
import type { AnyDomainEvent } from './command-definition';
import { fromLog } from './domain-events';
import type { Folder, StreamSnapshot, StreamStateCache, StreamStates } from './stream-state-cache';

/** A stream's working copy, with its fold and its hand-over closed over its aggregate's types. */
interface Working {
  snapshot: StreamSnapshot<unknown> & { revision: number };
  /** Folds decided events in, through JSON as the store keeps them. */
  fold(events: readonly NewEvent[]): void;
  adoptInto(cache: StreamStateCache, appends: readonly Appended[]): void;
}

type Appended = { events: readonly NewEvent[]; result: AppendResult };

/**
 * A batch's copies of the streams it decides on (execute-command-batch.ts):
 * each read once from the cache, then the events each decision appends are
 * folded in before they are stored, so the stream's next command is decided
 * on them. A decider that can fold into a state of its own does so on a copy
 * made once per batch, instead of copying on every event. After the appends,
 * `adoptInto` hands a stream's state to the cache, so nothing is folded twice.
 */
export class WorkingStreams implements StreamStates {
  private readonly streams = new Map<string, Working>();

  constructor(private readonly cache: StreamStateCache) {}

  async load<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
  ): Promise<StreamSnapshot<S>> {
    const open = this.streams.get(streamId);
    // Every command of one stream is of one aggregate: the state is the one this folder folds.
    if (open) return open.snapshot as StreamSnapshot<S>;
    const cached = await this.cache.load(folder, streamId);
    const from = cached.revision;
    const snapshot = { state: cached.state, revision: cached.revision, known: cached.known };
    let owns = false;
    this.streams.set(streamId, {
      snapshot,
      fold(events) {
        if (folder.owned && !owns) {
          snapshot.state = folder.owned.copy(snapshot.state);
          owns = true;
        }
        const evolve = (folder.owned ?? folder).evolve;
        let state = snapshot.state;
        for (const { type, data } of events)
          state = evolve(state, fromLog<E>({ type, data: JSON.parse(JSON.stringify(data)) as unknown }));
        snapshot.state = state;
        snapshot.revision += events.length;
      },
      adoptInto: (target, appends) => target.adopt(folder, streamId, from, snapshot.state, appends),
    });
    return snapshot;
  }

  /** Folds a decision's events into the working copy it was decided on, before they are stored. */
  appended<S, E extends AnyDomainEvent>(
    _folder: Folder<S, E>,
    streamId: string,
    decidedOn: number,
    events: readonly NewEvent[],
  ): void {
    const working = this.streams.get(streamId);
    if (working && working.snapshot.revision === decidedOn) working.fold(events);
  }

  /** The stream's working state, with the appends that made it, taken as the cache's (see its `adopt`). */
  adoptInto(cache: StreamStateCache, streamId: string, appends: readonly Appended[]): void {
    this.streams.get(streamId)?.adoptInto(cache, appends);
  }
}
