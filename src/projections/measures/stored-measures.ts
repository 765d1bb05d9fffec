import type Database from 'better-sqlite3';
import { evolve, initialState, MeasureEvent, MeasureState } from '../../domain/measure';
import type { ProjectionStorage } from '../runner/projection';
import { DECODED_ENTITIES, EntityStore } from '../runner/entity-store';
import { MeasureSeriesStore } from './measure-series-store';
import type { MeasuresState } from './measures.projection';

/**
 * The live measures model with its bulk in the state database: each
 * measure's values in the series store, its header (definition, phases,
 * baselines, decisions on limits; `values` empty) in an entity store with the
 * last used ones decoded. Readers see every measure with its values read
 * when they ask for them.
 */
interface Stored {
  headers: EntityStore;
  /**
   * Every measure's id, in the order the fold first met it (the order a fold
   * in memory lists them), with its number in that order (what the series
   * store names it by).
   */
  ids: Map<string, number>;
  /** Measures still 'Defined': their first measurement makes them 'Active', and only those need their header then. */
  defined: Set<string>;
  series: MeasureSeriesStore;
  /**
   * Corrections folded so far per measure, unit and period (`unit\u0000period`),
   * where not 0: a value's count carries over when it is recorded or corrected
   * again, and looking it up in the store for every measurement would cost a
   * read each. Only corrected values are here, a few in a thousand.
   */
  corrections: Record<string, Record<string, number>>;
}

/** What a snapshot keeps of the stored state: the stores' generations and what stays in memory. */
interface Persisted {
  ids: string[];
  defined: string[];
  annotations: MeasuresState['annotations'];
  pdsaStarts: MeasuresState['pdsaStarts'];
  corrections: Stored['corrections'];
  headersGeneration: number;
  seriesGeneration: number;
}

/** Not enumerable and not a string key: JSON, checksums and Object.keys never see it. */
const STORED = Symbol('stored measures');
type WithStored = MeasuresState & { [STORED]?: Stored };
const MODEL = 'measures';

/** The stored part of a live state; undefined for a state held in memory (time travel, data cuts). */
export const storedPart = (state: MeasuresState): Stored | undefined => (state as WithStored)[STORED];

function storedState(
  stored: Stored,
  annotations: MeasuresState['annotations'],
  pdsaStarts: MeasuresState['pdsaStarts'],
): MeasuresState {
  const state: MeasuresState = { measures: measuresView(stored), annotations, pdsaStarts };
  Object.defineProperty(state, STORED, { value: stored, enumerable: false });
  return state;
}

const headerOf = (stored: Stored, id: string): MeasureState | undefined =>
  stored.ids.has(id) ? (stored.headers.get(id) as MeasureState) : undefined;

function putHeader(stored: Stored, id: string, header: MeasureState): void {
  if (!stored.ids.has(id)) stored.ids.set(id, stored.ids.size);
  stored.headers.set(id, header);
  if (header.status === 'Defined') stored.defined.add(id);
  else stored.defined.delete(id);
}

/** A measure as readers see it: its header, with `values` read from the store when asked for. */
function withStoredValues(header: MeasureState, series: MeasureSeriesStore, measure: number): MeasureState {
  const view = { ...header };
  // Redefining keeps the key where it was, so the view lists its keys as the header does.
  Object.defineProperty(view, 'values', {
    get: () => series.of(measure),
    enumerable: true,
    configurable: true,
  });
  return view;
}

/** `state.measures` for readers: every measure, read with its values when asked for; not writable. */
function measuresView(stored: Stored): Record<string, MeasureState> {
  const refuse = (): never => {
    throw new Error('The live measures model is changed by its fold only');
  };
  const view = (id: string) =>
    withStoredValues(headerOf(stored, id) as MeasureState, stored.series, stored.ids.get(id) as number);
  return new Proxy({} as Record<string, MeasureState>, {
    get(target, id, receiver) {
      if (typeof id === 'string' && stored.ids.has(id)) return view(id);
      return Reflect.get(target, id, receiver) as unknown;
    },
    has: (target, id) => (typeof id === 'string' && stored.ids.has(id)) || Reflect.has(target, id),
    ownKeys: () => [...stored.ids.keys()],
    // An accessor, as in stored-maps.ts: listing the keys reads no measure.
    getOwnPropertyDescriptor(_target, id) {
      if (typeof id !== 'string' || !stored.ids.has(id)) return undefined;
      return { get: () => view(id), enumerable: true, configurable: true };
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}

/** One measure event folded into the stored state, as evolveMeasureOwned folds it in memory. */
export function foldStoredMeasure(stored: Stored, event: MeasureEvent, position: number): void {
  const id = event.data.measureId;
  switch (event.type) {
    case 'MeasurementRecorded':
    case 'MeasurementCorrected': {
      const { numerator, denominator, categoryCounts, unitId, period } = event.data;
      const key = `${unitId}\u0000${period}`;
      const corrections =
        (stored.corrections[id]?.[key] ?? 0) + (event.type === 'MeasurementCorrected' ? 1 : 0);
      if (corrections > 0) (stored.corrections[id] ??= {})[key] = corrections;
      // The header is read only when this changes it: a measurement of a measure already active leaves it.
      if (!stored.ids.has(id)) putHeader(stored, id, initialState());
      else if (stored.defined.has(id))
        putHeader(stored, id, { ...(headerOf(stored, id) as MeasureState), status: 'Active' });
      const value = { numerator, denominator, categoryCounts, corrections };
      stored.series.set(stored.ids.get(id) as number, unitId, period, value, position);
      return;
    }
    case 'MeasurementRetracted': {
      const { unitId, period } = event.data;
      delete stored.corrections[id]?.[`${unitId}\u0000${period}`];
      if (!stored.ids.has(id)) putHeader(stored, id, initialState());
      stored.series.set(stored.ids.get(id) as number, unitId, period, null, position);
      return;
    }
    default: {
      // Headers keep `values` empty, so evolve's copies stay small. An event type this build does not
      // know (a newer schema) leaves the measure as it was.
      const next = evolve(headerOf(stored, id) ?? initialState(), event) as MeasureState | undefined;
      if (next) putHeader(stored, id, next);
    }
  }
}

/** The storage of the live measures model; `decoded` headers are kept in memory (tests make it small). */
export function storedMeasures({
  decoded = DECODED_ENTITIES,
}: { decoded?: number } = {}): ProjectionStorage<MeasuresState> {
  return {
    open(db: Database.Database, persisted?: unknown, position = 0) {
      if (persisted === undefined) {
        const stored: Stored = {
          headers: EntityStore.create(db, MODEL, decoded),
          ids: new Map(),
          defined: new Set(),
          series: MeasureSeriesStore.create(db),
          corrections: {},
        };
        return storedState(stored, {}, {});
      }
      const kept = persisted as Persisted | null;
      // Not a snapshot of this storage (one written in memory's shape, by older code): fold from the start.
      if (
        typeof kept?.headersGeneration !== 'number' ||
        typeof kept.seriesGeneration !== 'number' ||
        !Array.isArray(kept.ids)
      )
        return undefined;
      const headers = EntityStore.reopen(db, MODEL, kept.headersGeneration, position, decoded);
      const series = MeasureSeriesStore.reopen(db, kept.seriesGeneration, position);
      if (!headers || !series) return undefined;
      const stored: Stored = {
        headers,
        ids: new Map(kept.ids.map((id, number) => [id, number])),
        defined: new Set(kept.defined),
        series,
        corrections: kept.corrections,
      };
      return storedState(stored, kept.annotations, kept.pdsaStarts);
    },
    folding(state, position) {
      storedPart(state)?.headers.at(position);
    },
    folded(state) {
      storedPart(state)?.headers.folded();
    },
    persisted(state) {
      const stored = storedPart(state);
      if (!stored) throw new Error('The measures model is not stored');
      stored.series.flush();
      stored.headers.flush();
      const persisted: Persisted = {
        ids: [...stored.ids.keys()],
        defined: [...stored.defined],
        annotations: state.annotations,
        pdsaStarts: state.pdsaStarts,
        corrections: stored.corrections,
        headersGeneration: stored.headers.generation,
        seriesGeneration: stored.series.generation,
      };
      return persisted;
    },
    snapshotted(state) {
      storedPart(state)?.headers.snapshotted();
    },
    async release(state) {
      const stored = storedPart(state);
      await Promise.all([stored?.series.release(), stored?.headers.release()]);
    },
    async clearUnused(db, inUse) {
      const parts = inUse.flatMap((state) => storedPart(state) ?? []);
      await MeasureSeriesStore.clearOthers(db, new Set(parts.map((p) => p.series.generation)));
      await EntityStore.clearOthers(db, MODEL, new Set(parts.map((p) => p.headers.generation)));
    },
  };
}

export const measuresStorage = storedMeasures();
