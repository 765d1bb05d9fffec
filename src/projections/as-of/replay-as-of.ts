import { Logger } from '@nestjs/common';
import type { DomainEventType } from '../../domain/events-by-category';
import type { EventStore } from '../../event-store/port';
import type { Bounds } from '../../shared/bounds';
import type { Projection } from '../runner/projection';
import { replay, Replayed, ReplayStart } from '../runner/replay';
import type { AsOfSnapshotHeader, AsOfSnapshotStore } from './as-of-snapshot-store';
import { isMonthEnd } from './month-end-grid';

/** Events after which no earlier fold may be reused: they change what earlier events read as. */
const REWRITES_HISTORY: readonly DomainEventType[] = ['EventFieldsRedacted', 'PersonalDataErased'];

const logger = new Logger('AsOfSnapshots');

export interface ReplayedAsOf<State> extends Replayed<State> {
  /** The snapshot position the fold started from; 0 when it folded from the start. */
  startedAt: number;
}

/** Whether a query's bounds are answered from (and leave behind) a business-date snapshot. */
export const onGrid = (projection: Projection, bounds: Bounds): boolean =>
  bounds.asOf !== undefined && isMonthEnd(bounds.asOf) && projection.holdsPersonalData !== true;

/**
 * A bounded fold that starts, where it can, from a snapshot of the same
 * model at the same month end: the fold of every event up to position P
 * with occurredAt ≤ D. Folding on from P the events inside the bounds gives
 * exactly the fold from the start, because the fold is in position order
 * and each bound is a test of one event. Off the grid (or without
 * snapshots) it folds from the start. A fold of the whole known log at a
 * month end is kept as a snapshot for the next query.
 */
export async function replayAsOf<State>(
  store: EventStore,
  projection: Projection<State>,
  bounds: Bounds,
  snapshots: AsOfSnapshotStore | undefined,
  onProgress?: (position: number) => void,
): Promise<ReplayedAsOf<State>> {
  if (snapshots === undefined || !onGrid(projection, bounds)) {
    return { ...(await replay(store, projection, bounds, onProgress)), startedAt: 0 };
  }
  const asOf = new Date(bounds.asOf as string).toISOString();
  const start = await usableSnapshot(store, projection, { ...bounds, asOf }, snapshots);
  const result = await replay(store, projection, bounds, onProgress, start);
  // Only a fold not bounded by recordedAt is the fold of everything up to its position.
  if (
    bounds.asKnownAt === undefined &&
    result.eventId !== undefined &&
    result.maxRecordedAt !== undefined &&
    result.position > (start?.position ?? 0)
  ) {
    snapshots.save({
      name: projection.name,
      version: projection.version,
      asOf,
      position: result.position,
      eventId: result.eventId,
      maxRecordedAt: result.maxRecordedAt,
      state: result.state,
    });
  }
  return { ...result, startedAt: start?.position ?? 0 };
}

/** The latest snapshot inside the bounds that is whole and of this model's version and this store. */
async function usableSnapshot<State>(
  store: EventStore,
  projection: Projection<State>,
  bounds: Bounds & { asOf: string },
  snapshots: AsOfSnapshotStore,
): Promise<ReplayStart<State> | undefined> {
  for (const candidate of snapshots.candidates(projection.name, bounds.asOf)) {
    if (candidate.version !== projection.version) {
      discard(snapshots, candidate, `version ${candidate.version}, the model is at ${projection.version}`);
      continue;
    }
    if (bounds.atPosition !== undefined && candidate.position > bounds.atPosition) continue;
    if (
      bounds.asKnownAt !== undefined &&
      !(Date.parse(candidate.maxRecordedAt) <= Date.parse(bounds.asKnownAt))
    )
      continue;
    const doubt = await doubtAbout(store, candidate);
    if (doubt) {
      discard(snapshots, candidate, doubt);
      continue;
    }
    const loaded = snapshots.loadState(candidate.id);
    if (!loaded) {
      discard(snapshots, candidate, 'its text does not match its checksum');
      continue;
    }
    return {
      state: loaded.state as State,
      position: candidate.position,
      eventId: candidate.eventId,
      maxRecordedAt: candidate.maxRecordedAt,
    };
  }
  return undefined;
}

/** Why the snapshot may not be the fold of this store's log up to its position, if it may not. */
async function doubtAbout(store: EventStore, snapshot: AsOfSnapshotHeader): Promise<string | undefined> {
  try {
    const [at] = await store.readAll({ fromPosition: snapshot.position, maxCount: 1 });
    if (at?.position !== snapshot.position || at.id !== snapshot.eventId)
      return `the store has ${at ? `event ${at.id} at position ${at.position}` : 'no event there'}`;
    const [rewrite] = await store.readAll({
      fromPosition: snapshot.position,
      maxCount: 1,
      filter: { eventTypes: REWRITES_HISTORY },
    });
    if (rewrite) return `${rewrite.type} at position ${rewrite.position} changed the events before it`;
    return undefined;
  } catch (error) {
    return `its position cannot be read (${error instanceof Error ? error.message : String(error)})`;
  }
}

function discard(snapshots: AsOfSnapshotStore, snapshot: AsOfSnapshotHeader, why: string): void {
  logger.warn(
    `Discarding the ${snapshot.name} snapshot at ${snapshot.asOf}, position ${snapshot.position}: ${why}`,
  );
  snapshots.discard(snapshot.id);
}
