import { setImmediate as yieldToIo } from 'node:timers/promises';
import { pageAll } from '../event-store/page-all';
import type { EventStore } from '../event-store/port';
import { RecordedEvent } from '../event-store/recorded-event';
import { holdsPersonalData, maskPersonalData } from '../personal-data/personal-fields';
import { applyProjection, Projection } from '../projections/runner/projection';
import { canonicalSha256Steps } from '../shared/canonical-sha256';
import { inSlices } from '../projections/runner/time-slice';
import { Bounds, withinBounds } from '../shared/bounds';
import type { ReadModelChecksums } from '../shared/read-model-checksums.query';

/**
 * What checksums fold: staff personal values masked by one constant, so that
 * erasing a person (their values then read `[erased]`) changes no checksum.
 */
export const checksumView = (event: RecordedEvent): RecordedEvent =>
  holdsPersonalData(event.type) ? { ...event, data: maskPersonalData(event.type, event.data) } : event;

/**
 * Folds every read model over the bounded log in one pass and fingerprints
 * each state. Replaying with the same bounds and projection versions gives
 * the same checksums: that is what makes a data cut verifiable years later.
 */
export async function readModelChecksums(
  store: EventStore,
  projections: readonly Projection[],
  bounds: Bounds,
): Promise<ReadModelChecksums> {
  const states = projections.map((p) => p.initialState());
  let globalPosition = 0;
  // The store leaves out what is outside the bounds where it can; each event is tested again here.
  const pages = pageAll(store, {
    toPosition: bounds.atPosition,
    occurredAtMax: bounds.asOf,
    recordedAtMax: bounds.asKnownAt,
  });
  for await (const page of pages) {
    for (const event of page) {
      if (!withinBounds(bounds, event)) continue;
      const masked = checksumView(event);
      projections.forEach((projection, i) => {
        states[i] = applyProjection(projection, states[i], masked);
      });
      globalPosition = event.position;
    }
    await yieldToIo();
  }
  // Hashing a model at a million events takes seconds: in slices, so requests run meanwhile.
  const checksums: Record<string, string> = {};
  for (const [i, projection] of projections.entries()) {
    checksums[projection.name] = await inSlices(canonicalSha256Steps(states[i]));
  }
  return {
    globalPosition,
    projectionVersions: Object.fromEntries(projections.map((p) => [p.name, p.version])),
    checksums,
  };
}
