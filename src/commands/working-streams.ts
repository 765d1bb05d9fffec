import type { AppendResult, NewEvent } from '../event-store/recorded-event';
import type { AnyDomainEvent } from './command-definition';
import { fromLog } from './domain-events';
import type { WorkingStates } from './fact-lookups';
import { jsonCopy } from '../shared/json-copy';
import type { Folder, StreamSnapshot, StreamStateCache, StreamStates } from './stream-state-cache';

/** A stream's working copy, with its fold and its hand-over closed over its aggregate's types. */
interface Working {
  folder: object;
  /** The revision it was read at. */
  from: number;
  snapshot: StreamSnapshot<unknown> & { revision: number };
  /** Folds decided events in, through JSON as the store keeps them. */
  fold(events: readonly NewEvent[]): void;
  adoptInto(cache: StreamStateCache, appends: readonly Appended[]): void;
}

type Appended = { events: readonly NewEvent[]; result: AppendResult };

/**
 * A batch's working states of the streams it decides on
 * (execute-command-batch.ts): each read once from the cache, then the events
 * each decision appends are folded in before they are stored, so the
 * stream's next command is decided on them. A decider that folds in place
 * does so into the state it took out of the cache (`take`), which no one
 * else sees until the appends are stored. After them, `handBack` gives the
 * states back to the cache, so nothing is folded twice; a stream whose
 * appends failed is not given back, and its next load reads the store.
 */
export class WorkingStreams implements StreamStates, WorkingStates {
  private readonly streams = new Map<string, Working>();

  constructor(private readonly cache: StreamStateCache) {}

  async load<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
  ): Promise<StreamSnapshot<S>> {
    const open = this.streams.get(streamId);
    // Every command of one stream is of one aggregate: the state is the one this folder folds.
    if (open) return open.snapshot as StreamSnapshot<S>;
    // A state folded in place is taken out of the cache (its copy would grow with the stream); others are
    // never changed, so the cached one is shared.
    const cached = folder.owned
      ? await this.cache.take(folder, streamId)
      : await this.cache.load(folder, streamId);
    const snapshot = { state: cached.state, revision: cached.revision, known: cached.known };
    this.streams.set(streamId, {
      folder,
      from: cached.revision,
      snapshot,
      fold(events) {
        const evolve = (folder.owned ?? folder).evolve;
        let state = snapshot.state;
        for (const { type, data } of events)
          state = evolve(state, fromLog<E>({ type, data: jsonCopy(data) }));
        snapshot.state = state;
        snapshot.revision += events.length;
      },
      adoptInto: (target, appends) =>
        target.adopt(
          folder,
          streamId,
          { revision: cached.revision, known: snapshot.known },
          snapshot.state,
          appends,
        ),
    });
    return snapshot;
  }

  /** The working state of a stream the batch has open, if it has. */
  open<S, E extends AnyDomainEvent>(folder: Folder<S, E>, streamId: string): { state: S } | undefined {
    const working = this.streams.get(streamId);
    return working?.folder === folder ? (working.snapshot as { state: S }) : undefined;
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

  /**
   * Each open stream's working state, with the appends that made it, taken
   * as the cache's (see its `adopt`): a stream the batch wrote nothing to as
   * it was, one whose every folded event was stored with them. A stream
   * `spoiled` (an append refused, raced or replayed) or with folded events
   * that were not stored is left out, and the cache reads it again.
   */
  handBack(
    cache: StreamStateCache,
    appended: ReadonlyMap<string, readonly Appended[]>,
    spoiled: ReadonlySet<string>,
  ): void {
    for (const [streamId, working] of this.streams) {
      if (spoiled.has(streamId)) continue;
      const appends = appended.get(streamId) ?? [];
      const stored = appends.reduce((count, append) => count + append.events.length, 0);
      if (working.snapshot.revision === working.from + stored) working.adoptInto(cache, appends);
    }
  }
}
