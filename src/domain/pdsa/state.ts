import { PdsaCycleRef, PdsaEvent } from './events';
import { PdsaDecision, PdsaScale, PredictionOutcomeRecord } from './values';

export type PdsaStatus = 'Unplanned' | 'Planned' | 'Running' | 'Studied' | 'Completed' | 'Cancelled';

export interface PdsaState {
  status: PdsaStatus;
  ref: PdsaCycleRef | null;
  predictions: string[];
  scale: PdsaScale | null;
  observationIds: string[];
  predictionOutcomes: PredictionOutcomeRecord[];
  decision: PdsaDecision | null;
}

export const initialState = (): PdsaState => ({
  status: 'Unplanned',
  ref: null,
  predictions: [],
  scale: null,
  observationIds: [],
  predictionOutcomes: [],
  decision: null,
});

export function evolve(state: PdsaState, event: PdsaEvent): PdsaState {
  switch (event.type) {
    case 'PdsaCyclePlanned': {
      const { pdsaCycleId, alwaysEventId, changeIdeaId, cycleNumber, predictions, scale } = event.data;
      return {
        ...state,
        status: 'Planned',
        ref: { pdsaCycleId, alwaysEventId, changeIdeaId, cycleNumber },
        predictions,
        scale,
      };
    }
    case 'PdsaCycleStarted':
      return { ...state, status: 'Running' };
    case 'PdsaObservationRecorded':
      return { ...state, observationIds: [...state.observationIds, event.data.observationId] };
    case 'PdsaCycleStudied':
      return { ...state, status: 'Studied', predictionOutcomes: event.data.predictionOutcomes };
    case 'PdsaCycleCompleted':
      return { ...state, status: 'Completed', decision: event.data.decision };
    case 'PdsaCycleCancelled':
      return { ...state, status: 'Cancelled' };
  }
}

/** Indexes of the plan's predictions that have no outcome yet. */
export function predictionsWithoutOutcome(
  predictions: string[],
  outcomes: PredictionOutcomeRecord[],
): number[] {
  const studied = new Set(outcomes.map((o) => o.predictionIndex));
  return predictions.map((_, index) => index).filter((index) => !studied.has(index));
}
