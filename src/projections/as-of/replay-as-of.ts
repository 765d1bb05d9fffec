import { Logger } from '@nestjs/common';
import type { EventStore } from '../../event-store/port';
import type { Bounds } from '../../shared/bounds';
import type { Projection } from '../runner/projection';
import { replay, Replayed, ReplayStart } from '../runner/replay';
import { snapshotDoubt } from '../runner/snapshot-doubt';
import type { AsOfSnapshotHeader, AsOfSnapshotStore } from './as-of-snapshot-store';
import { isMonthEnd } from './month-end-grid';

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
 * snapshots) it folds from the start. A month-end fold not bounded by
 * recordedAt is kept as a snapshot for the next query when it folded
 * something new.
 */
export async function replayAsOf<State>(
  store: EventStore,
  projection: Projection<State>,
  bounds: Bounds,
  snapshots: AsOfSnapshotStore | undefined,
  options: { onProgress?: (position: number) => void; refresh?: boolean } = {},
): Promise<ReplayedAsOf<State>> {
  const { onProgress } = options;
  if (snapshots === undefined || !onGrid(projection, bounds)) {
    return { ...(await replay(store, projection, bounds, onProgress)), startedAt: 0 };
  }
  const asOf = new Date(bounds.asOf as string).toISOString();
  // The fold reads the log up to a position it can name, so its snapshot covers everything it read.
  const reach = bounds.atPosition ?? (await store.headPosition());
  const start = await usableSnapshot(store, projection, { ...bounds, asOf }, reach, snapshots);
  const result = await replay(store, projection, { ...bounds, atPosition: reach }, onProgress, start);
  // Only a fold not bounded by recordedAt is the fold of everything up to its position.
  // A query keeps its fold when it changed something; a refresh also moves an unchanged one on, so the next fold reads less.
  if (bounds.asKnownAt === undefined && (start === undefined || result.eventsFolded > 0 || options.refresh)) {
    const covered = await coveredTo(store, reach, result);
    if (covered && covered.position > (start?.position ?? 0) && result.maxRecordedAt !== undefined) {
      snapshots.save({
        name: projection.name,
        version: projection.version,
        asOf,
        ...covered,
        maxRecordedAt: result.maxRecordedAt,
        state: result.state,
      });
    }
  }
  return { ...result, startedAt: start?.position ?? 0 };
}

/**
 * The position a snapshot of this fold may claim, with the id of the event
 * there: where the read stopped if an event is there (the head always is),
 * else the last event folded.
 */
async function coveredTo(
  store: EventStore,
  reach: number,
  result: Replayed<unknown>,
): Promise<{ position: number; eventId: string } | undefined> {
  const [at] = reach > 0 ? await store.readAll({ fromPosition: reach, maxCount: 1 }) : [];
  if (at?.position === reach) return { position: reach, eventId: at.id };
  return result.eventId === undefined ? undefined : { position: result.position, eventId: result.eventId };
}

/** The latest snapshot inside the bounds that is whole and of this model's version and this store. */
async function usableSnapshot<State>(
  store: EventStore,
  projection: Projection<State>,
  bounds: Bounds & { asOf: string },
  reach: number,
  snapshots: AsOfSnapshotStore,
): Promise<ReplayStart<State> | undefined> {
  for (const candidate of snapshots.candidates(projection.name, bounds.asOf)) {
    if (candidate.version !== projection.version) {
      discard(snapshots, candidate, `version ${candidate.version}, the model is at ${projection.version}`);
      continue;
    }
    if (candidate.position > reach) {
      // Beyond the head, it is of a log this store does not have (reset, or restored from an older copy).
      const doubt = bounds.atPosition === undefined ? await doubtAbout(store, candidate) : undefined;
      if (doubt) discard(snapshots, candidate, doubt);
      continue;
    }
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
const doubtAbout = (store: EventStore, snapshot: AsOfSnapshotHeader): Promise<string | undefined> =>
  snapshotDoubt(store, { position: snapshot.position, id: snapshot.eventId });

function discard(snapshots: AsOfSnapshotStore, snapshot: AsOfSnapshotHeader, why: string): void {
  logger.warn(
    `Discarding the ${snapshot.name} snapshot at ${snapshot.asOf}, position ${snapshot.position}: ${why}`,
  );
  snapshots.discard(snapshot.id);
}
