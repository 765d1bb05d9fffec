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
  return matchesFilter(event, projection.filter) ? projection.apply(state, event) : state;
}
