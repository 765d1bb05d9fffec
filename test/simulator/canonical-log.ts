import { EVENT_STORE, EventStore } from '../../src/event-store';
import { canonicalJson, sha256Hex } from '../../src/shared/canonical-json';
import { TestApp } from '../support/test-app';

export interface CanonicalLog {
  count: number;
  sha256: string;
  /** `streamId@revision` → event id: ids derive from idempotency keys, so they match across runs too. */
  ids: Map<string, string>;
  sourceSystems: Set<string>;
  /** The business-time range of the simulator's own events, but for registrations (dated the day the organisation opened). */
  simulatedAt: { first: string; last: string };
}

/**
 * The log as a simulation decides it: every event as (streamId, revision,
 * type, data, occurredAt, sourceSystem), by stream and revision. Global
 * positions (which depend on how concurrent requests interleave), recordedAt,
 * correlation ids and request hashes are left out; they legitimately differ.
 */
export async function canonicalLogOf(app: TestApp): Promise<CanonicalLog> {
  const events = await app.app.get<symbol, EventStore>(EVENT_STORE).readAll();
  const entries = events
    .map((e) => ({
      streamId: e.streamId,
      revision: e.revision,
      type: e.type,
      data: e.data,
      occurredAt: e.metadata.occurredAt,
      sourceSystem: e.metadata.sourceSystem,
    }))
    .sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : a.revision - b.revision));
  const times = entries
    .filter((e) => e.sourceSystem === 'simulator' && e.type !== 'OrganisationRegistered')
    .map((e) => e.occurredAt)
    .sort();
  return {
    count: entries.length,
    sha256: sha256Hex(canonicalJson(entries)),
    ids: new Map(events.map((e) => [`${e.streamId}@${e.revision}`, e.id])),
    sourceSystems: new Set(entries.map((e) => e.sourceSystem)),
    simulatedAt: { first: times[0], last: times[times.length - 1] },
  };
}
