import { DataCutTaken } from '../domain/evaluation';
import { pageAll } from '../event-store/page-all';
import type { EventStore } from '../event-store/port';
import { RecordedEvent } from '../event-store/recorded-event';
import { READ_MODELS } from '../projections/catalogue';
import { Bounds } from '../shared/bounds';
import { readModelChecksums } from './data-cut-checksums';

export type DataCut = DataCutTaken['data'] & { recordedAt: string };

export const boundsOfCut = (cut: DataCut): Bounds => ({
  asOf: cut.asOf,
  asKnownAt: cut.asKnownAt,
  atPosition: cut.globalPosition,
});

/** The data cut with this id, from its DataCutTaken event; undefined when there is none. */
export async function findDataCut(store: EventStore, dataCutId: string): Promise<DataCut | undefined> {
  for await (const page of pageAll(store, { filter: { eventTypes: ['DataCutTaken'] } })) {
    const event = page.find((e: RecordedEvent) => (e.data as DataCutTaken['data']).dataCutId === dataCutId);
    if (event) return { ...(event.data as DataCutTaken['data']), recordedAt: event.metadata.recordedAt };
  }
  return undefined;
}

export interface ReadModelVerification {
  readModel: string;
  /** The read model's version when the cut was taken. */
  version: number;
  currentVersion: number | null;
  expected: string;
  actual: string | null;
  status: 'match' | 'mismatch' | 'version-changed' | 'read-model-gone';
}

export interface DataCutVerification {
  dataCutId: string;
  evaluationId: string;
  bounds: Bounds;
  /** Every read model matches. */
  match: boolean;
  readModels: ReadModelVerification[];
}

/** Every read model of a cut recomputed under its bounds, its checksum compared with the one recorded. */
export async function verifyDataCut(
  store: EventStore,
  dataCutId: string,
  cut: DataCut,
): Promise<DataCutVerification> {
  const now = await readModelChecksums(store, READ_MODELS, boundsOfCut(cut));
  const readModels = Object.entries(cut.checksums).map(([name, expected]): ReadModelVerification => {
    const takenWith = cut.projectionVersions[name];
    const current = now.projectionVersions[name];
    const status =
      current === undefined
        ? 'read-model-gone'
        : current !== takenWith
          ? 'version-changed'
          : now.checksums[name] === expected
            ? 'match'
            : 'mismatch';
    return {
      readModel: name,
      version: takenWith,
      currentVersion: current ?? null,
      expected,
      actual: now.checksums[name] ?? null,
      status,
    };
  });
  return {
    dataCutId,
    evaluationId: cut.evaluationId,
    bounds: boundsOfCut(cut),
    match: readModels.every((r) => r.status === 'match'),
    readModels,
  };
}
