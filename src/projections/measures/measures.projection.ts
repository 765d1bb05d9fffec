import { evolveMeasureOwned, initialState, MeasureState } from '../../domain/measure';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';
import { foldStoredMeasure, measuresStorage, storedPart } from './stored-measures';

export interface ChartAnnotation {
  annotationId: string;
  period: string;
  unitId: string | null;
  text: string;
  pdsaCycleId: string | null;
  changeIdeaId: string | null;
}

export interface PdsaStart {
  pdsaCycleId: string;
  changeIdeaId: string;
  cycleNumber: number;
  startedOn: string;
}

export interface MeasuresState {
  /** Each measure folded as its own decider's evolve folds it: the chart reads exactly what the rules read. */
  measures: Record<string, MeasureState>;
  annotations: Record<string, ChartAnnotation[]>;
  /** PDSA cycle starts per Always Event, to mark on its measures' charts. */
  pdsaStarts: Record<string, PdsaStart[]>;
}

export const measuresProjection: Projection<MeasuresState> = {
  name: 'measures',
  // 2: measures hold their recorded decisions on limits (RecalculateLimits, SetBaseline).
  // 3: the live model's snapshot keeps its values in the series store (stored-measures.ts).
  version: 3,
  initialState: () => ({ measures: {}, annotations: {}, pdsaStarts: {} }),
  apply(state, event: RecordedEvent) {
    const routed = routeEvent(event);
    if (routed?.category === 'measure') {
      const e = routed.event;
      const id = e.data.measureId;
      const stored = storedPart(state);
      if (stored) foldStoredMeasure(stored, e, event.position);
      else {
        // An event type this build does not know (a newer schema) leaves the measure as it was.
        const next = evolveMeasureOwned(state.measures[id] ?? initialState(), e) as MeasureState | undefined;
        if (next) state.measures[id] = next;
      }
      if (e.type === 'ChartAnnotated') {
        const { annotationId, period, unitId, text, pdsaCycleId, changeIdeaId } = e.data;
        (state.annotations[id] ??= []).push({
          annotationId,
          period,
          unitId,
          text,
          pdsaCycleId,
          changeIdeaId,
        });
      }
    } else if (routed?.category === 'pdsa') {
      const e = routed.event;
      if (e.type === 'PdsaCycleStarted') {
        (state.pdsaStarts[e.data.alwaysEventId] ??= []).push({
          pdsaCycleId: e.data.pdsaCycleId,
          changeIdeaId: e.data.changeIdeaId,
          cycleNumber: e.data.cycleNumber,
          startedOn: e.data.startedAt.slice(0, 10),
        });
      }
    }
    return state;
  },
  storage: measuresStorage,
  table: (state) =>
    Object.values(state.measures).flatMap((m) =>
      Object.entries(m.values).flatMap(([unitId, byPeriod]) =>
        Object.entries(byPeriod).map(([period, v]) => ({
          measureId: m.measureId,
          alwaysEventId: m.alwaysEventId,
          name: m.definition?.name ?? null,
          role: m.role,
          unitId,
          period,
          numerator: v.numerator,
          denominator: v.denominator,
          corrections: v.corrections,
        })),
      ),
    ),
};
