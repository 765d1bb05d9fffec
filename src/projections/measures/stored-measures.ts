import type Database from 'better-sqlite3';
import { evolve, initialState, MeasureEvent, MeasureState } from '../../domain/measure';
import type { ProjectionStorage } from '../runner/projection';
import { MeasureSeriesStore } from './measure-series-store';
import type { MeasuresState } from './measures.projection';

/**
 * The live measures model with its values in the state database: each
 * measure's header (definition, phases, baselines, decisions on limits) stays
 * in memory with `values` empty, and readers see every measure with its
 * values read from the series store when they ask for them.
 */
interface Stored {
  headers: Record<string, MeasureState>;
  series: MeasureSeriesStore;
  /**
   * Corrections folded so far per measure, unit and period (`unit\u0000period`),
   * where not 0: a value's count carries over when it is recorded or corrected
   * again, and looking it up in the store for every measurement would cost a
   * read each. Only corrected values are here, a few in a thousand.
   */
  corrections: Record<string, Record<string, number>>;
}

/** What a snapshot keeps of the stored state: everything but the values, and the series' generation. */
interface Persisted {
  measures: Record<string, MeasureState>;
  annotations: MeasuresState['annotations'];
  pdsaStarts: MeasuresState['pdsaStarts'];
  corrections: Stored['corrections'];
  seriesGeneration: number;
}

/** Not enumerable and not a string key: JSON, checksums and Object.keys never see it. */
const STORED = Symbol('stored measures');
type WithStored = MeasuresState & { [STORED]?: Stored };

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

/** A measure as readers see it: its header, with `values` read from the store when asked for. */
function withStoredValues(header: MeasureState, series: MeasureSeriesStore, measureId: string): MeasureState {
  const view = { ...header };
  // Redefining keeps the key where it was, so the view lists its keys as the header does.
  Object.defineProperty(view, 'values', {
    get: () => series.of(measureId),
    enumerable: true,
    configurable: true,
  });
  return view;
}

/** `state.measures` for readers: the headers, each read with its values; not writable. */
function measuresView(stored: Stored): Record<string, MeasureState> {
  const refuse = (): never => {
    throw new Error('The live measures model is changed by its fold only');
  };
  return new Proxy(stored.headers, {
    get(target, key, receiver) {
      if (typeof key !== 'string' || !Object.hasOwn(target, key)) return Reflect.get(target, key, receiver);
      return withStoredValues(target[key], stored.series, key);
    },
    getOwnPropertyDescriptor(target, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (descriptor && typeof key === 'string')
        descriptor.value = withStoredValues(target[key], stored.series, key);
      return descriptor;
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
}

/** One measure event folded into the stored state, as evolveMeasureOwned folds it in memory. */
export function foldStoredMeasure(stored: Stored, event: MeasureEvent, position: number): void {
  const id = event.data.measureId;
  const header = stored.headers[id] ?? initialState();
  switch (event.type) {
    case 'MeasurementRecorded':
    case 'MeasurementCorrected': {
      const { numerator, denominator, categoryCounts, unitId, period } = event.data;
      const key = `${unitId}\u0000${period}`;
      const corrections =
        (stored.corrections[id]?.[key] ?? 0) + (event.type === 'MeasurementCorrected' ? 1 : 0);
      if (corrections > 0) (stored.corrections[id] ??= {})[key] = corrections;
      stored.series.set(
        id,
        unitId,
        period,
        { numerator, denominator, categoryCounts, corrections },
        position,
      );
      if (header.status === 'Defined') header.status = 'Active';
      stored.headers[id] = header;
      return;
    }
    case 'MeasurementRetracted': {
      const { unitId, period } = event.data;
      delete stored.corrections[id]?.[`${unitId}\u0000${period}`];
      stored.series.set(id, unitId, period, null, position);
      stored.headers[id] = header;
      return;
    }
    default:
      // Headers keep `values` empty, so evolve's copies stay small.
      stored.headers[id] = evolve(header, event);
  }
}

export const measuresStorage: ProjectionStorage<MeasuresState> = {
  open(db: Database.Database, persisted?: unknown, position = 0) {
    if (persisted === undefined) {
      const stored = { headers: {}, series: MeasureSeriesStore.create(db), corrections: {} };
      return storedState(stored, {}, {});
    }
    const kept = persisted as Persisted;
    const series = MeasureSeriesStore.reopen(db, kept.seriesGeneration, position);
    if (!series) return undefined;
    return storedState(
      { headers: kept.measures, series, corrections: kept.corrections },
      kept.annotations,
      kept.pdsaStarts,
    );
  },
  persisted(state) {
    const stored = storedPart(state);
    if (!stored) throw new Error('The measures model is not stored');
    stored.series.flush();
    const persisted: Persisted = {
      measures: stored.headers,
      annotations: state.annotations,
      pdsaStarts: state.pdsaStarts,
      corrections: stored.corrections,
      seriesGeneration: stored.series.generation,
    };
    return persisted;
  },
  async release(state) {
    await storedPart(state)?.series.release();
  },
  async clearUnused(db, inUse) {
    const keep = new Set(inUse.flatMap((state) => storedPart(state)?.series.generation ?? []));
    await MeasureSeriesStore.clearOthers(db, keep);
  },
};
