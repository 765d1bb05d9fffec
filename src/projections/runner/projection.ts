import type Database from 'better-sqlite3';
import type { DomainEventType } from '../../domain/events-by-category';
import { matchesFilter } from '../../event-store/event-filter';
import { RecordedEvent } from '../../event-store/recorded-event';

/**
 * A read model as a fold over the event log. `apply` must be deterministic and
 * free of I/O; for speed over millions of events it may update the state it is
 * given in place and return it (the runner owns that state and never shares
 * it mid-fold). State must be plain JSON (objects, arrays, strings, numbers,
 * booleans, null), because it is snapshotted and checksummed as JSON.
 * Bumping `version` makes the runner rebuild the model from the start.
 */
export interface Projection<State = unknown> {
  name: string;
  version: number;
  initialState(): State;
  apply(state: State, event: RecordedEvent): State;
  /**
   * The only events `apply` may change the state for, as domain event types
   * (a misspelt one does not compile). Every fold (the live runner, time
   * travel, data cuts) skips the others, and time travel asks the store for
   * these alone, so a replay reads a fraction of a long log.
   */
  filter?: { eventTypes: readonly DomainEventType[] };
  /**
   * The state holds staff personal data (names, emails, posts): data-cut
   * checksums of it are taken over the log with those values masked, so an
   * erasure never changes them (docs/governance/erasure-and-redaction.md).
   */
  holdsPersonalData?: boolean;
  /** The model's main table, one row per entity, for CSV exports of any bounds. */
  table?(state: State): Array<Record<string, unknown>>;
  /**
   * Where the live model keeps its bulk outside the heap. Without it the
   * live runner holds the whole state in memory, as every other fold (time
   * travel, data cuts) does with any model.
   */
  storage?: ProjectionStorage<State>;
}

/**
 * The live runner's state of a model whose bulk lives in the state database
 * (issue 22: memory that does not grow with the log). Readers see the same
 * state `initialState` and `apply` would give in memory: same content, same
 * checksum; only where it is kept differs.
 */
export interface ProjectionStorage<State> {
  /**
   * A state on a new, empty store (`persisted` undefined), or on the store a
   * snapshot names, as it stood at `position` (the snapshot's last event):
   * undefined if that store is gone, and the model folds from the start.
   */
  open(db: Database.Database, persisted?: unknown, position?: number): State | undefined;
  /** Called before each event the model folds, with its position (what stored writes are tagged with). */
  folding?(state: State, position: number): void;
  /** ... and after it: what readers ask for until the next is only read, never written back. */
  folded?(state: State): void;
  /** What a snapshot keeps: the state without its stored bulk, which is written first. */
  persisted(state: State): unknown;
  /** The snapshot `persisted` gave was written: what only older snapshots needed may go. */
  snapshotted?(state: State): void;
  /** The state is no longer the model's (a rebuild replaced it, a refold dropped it): its store is cleared. */
  release(state: State): Promise<void>;
  /** Clears every store none of `inUse` is on: what a crash or an unfinished rebuild left. */
  clearUnused(db: Database.Database, inUse: readonly State[]): Promise<void>;
}

/** Folds events into a fresh state: the same code the live runner and time travel use. */
export function foldProjection<State>(projection: Projection<State>, events: Iterable<RecordedEvent>): State {
  let state = projection.initialState();
  for (const event of events) state = applyProjection(projection, state, event);
  return state;
}

/** One step of every fold: the event if the projection takes it, else the state as it was. */
export function applyProjection<State>(
  projection: Projection<State>,
  state: State,
  event: RecordedEvent,
): State {
  if (!matchesFilter(event, projection.filter)) return state;
  const storage = projection.storage;
  if (!storage?.folding) return projection.apply(state, event);
  storage.folding(state, event.position);
  try {
    return projection.apply(state, event);
  } finally {
    storage.folded?.(state);
  }
}
