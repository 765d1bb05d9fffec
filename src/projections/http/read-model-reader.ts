import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock';
import { EVENT_STORE } from '../../event-store/port';
import type { EventStore } from '../../event-store/port';
import { validationProblem } from '../../shared/problem';
import { ReadModelQuery } from './read-model-query';
import { ProjectionRunner } from '../runner/projection-runner';
import { ReadModelGate } from '../runner/read-model-gate';
import { Bounds, endOfDayIfDate, isUnbounded } from '../../shared/bounds';
import { AsOfSnapshotStore } from '../as-of/as-of-snapshot-store';
import { replayAsOf } from '../as-of/replay-as-of';

export interface ReadModelView<State> {
  state: State;
  bounds: Bounds;
  /** The global position the state reflects. */
  position: number;
  /** `live`: the running read model; `replay`: folded over the bounded log. */
  source: 'live' | 'replay';
  /**
   * `live`: the running model, caught up with the log; `catching-up`: the
   * running model still folding its backlog, answering because the query's
   * minPosition is reached; `complete`: a replay, whole for its bounds.
   */
  status: 'live' | 'catching-up' | 'complete';
}

const CACHE_SIZE = 32;
/** Knowledge bounds this far in the past are closed: nothing can still be recorded before them. */
const SETTLED_MS = 60_000;

/**
 * Serves any read model at any bounds: now/now from the live runner (with
 * read-your-writes), anything else by folding the same projection over the
 * bounded log (from a month-end snapshot where there is one: as-of/), cached by (model, version, bounds, and the head when the
 * knowledge bound is still open).
 */
@Injectable()
export class ReadModelReader {
  private readonly cache = new Map<string, ReadModelView<unknown>>();

  constructor(
    private readonly gate: ReadModelGate,
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly snapshots: AsOfSnapshotStore,
  ) {}

  /** Drops every cached replay and as-of snapshot: after a redaction, none may still hold the removed text. */
  forget(): void {
    this.cache.clear();
    this.snapshots.clear();
  }

  async read<State>(name: string, query: ReadModelQuery): Promise<ReadModelView<State>> {
    const bounds = parseBounds(query);
    if (isUnbounded(bounds)) {
      const current = await this.gate.current<State>(name, query.minPosition);
      return {
        state: current.state,
        bounds,
        position: current.position,
        source: 'live',
        status: current.status === 'live' ? 'live' : 'catching-up',
      };
    }
    if (query.minPosition !== undefined && Number(query.minPosition) > (await this.store.headPosition())) {
      throw validationProblem([
        {
          field: 'minPosition',
          rule: 'beyond-head',
          message: "minPosition is beyond the store's last position",
        },
      ]);
    }
    return this.replayed<State>(name, bounds);
  }

  async replayed<State>(name: string, bounds: Bounds): Promise<ReadModelView<State>> {
    const projection = this.runner.projections().find((p) => p.name === name);
    if (!projection) throw new Error(`No read model named ${name}`);
    const knowledge =
      bounds.atPosition !== undefined
        ? `position:${bounds.atPosition}`
        : bounds.asKnownAt !== undefined &&
            Date.parse(bounds.asKnownAt) < this.clock.now().getTime() - SETTLED_MS
          ? `known:${bounds.asKnownAt}`
          : `head:${await this.store.headPosition()}:${bounds.asKnownAt ?? ''}`;
    const key = `${name}@${projection.version}|asOf:${bounds.asOf ?? ''}|${knowledge}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached as ReadModelView<State>;
    }
    const result = await replayAsOf(this.store, projection, bounds, this.snapshots);
    const view: ReadModelView<unknown> = {
      state: result.state,
      bounds,
      position: result.position,
      source: 'replay',
      status: 'complete',
    };
    this.cache.set(key, view);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    return view as ReadModelView<State>;
  }
}

export function parseBounds(query: ReadModelQuery): Bounds {
  if (query.asKnownAt !== undefined && query.atPosition !== undefined) {
    throw validationProblem([
      {
        field: 'atPosition',
        rule: 'exclusive-with-asKnownAt',
        message: 'Give asKnownAt or atPosition, not both',
      },
    ]);
  }
  return {
    asOf: query.asOf === undefined ? undefined : endOfDayIfDate(query.asOf),
    asKnownAt: query.asKnownAt === undefined ? undefined : endOfDayIfDate(query.asKnownAt),
    atPosition: query.atPosition === undefined ? undefined : Number(query.atPosition),
  };
}
