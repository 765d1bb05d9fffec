import { ensure } from '../shared';
import { ensureNotInFuture } from '../shared/time-rules';
import {
  CancelPdsaCycle,
  CompletePdsaCycle,
  RecordObservation,
  RecordStudy,
  StartPdsaCycle,
} from './commands';
import {
  PdsaCycleCancelled,
  PdsaCycleCompleted,
  PdsaCycleRef,
  PdsaCycleStarted,
  PdsaCycleStudied,
  PdsaObservationRecorded,
} from './events';
import { PdsaState, PdsaStatus, predictionsWithoutOutcome } from './state';
import { PdsaScale } from './values';

/** The cycle exists and is in one of `allowed`; returns its ref for the events. */
function ensureStatus(state: PdsaState, allowed: PdsaStatus[], rule: string, action: string): PdsaCycleRef {
  ensure(state.status !== 'Unplanned', 'pdsa-cycle-not-found', 'The PDSA cycle has not been planned');
  ensure(
    allowed.includes(state.status),
    rule,
    `${action} is possible when the cycle is ${allowed.join(' or ')}; it is ${state.status}`,
  );
  return state.ref as PdsaCycleRef;
}

export function startPdsaCycle(command: StartPdsaCycle, state: PdsaState): PdsaCycleStarted[] {
  const ref = ensureStatus(state, ['Planned'], 'pdsa-cycle-not-planned', 'StartPdsaCycle');
  return [{ type: 'PdsaCycleStarted', data: { ...ref, startedAt: command.context.occurredAt } }];
}

export function recordObservation(command: RecordObservation, state: PdsaState): PdsaObservationRecorded[] {
  const ref = ensureStatus(state, ['Running'], 'pdsa-cycle-not-running', 'RecordObservation');
  const { observationId, kind, text, observedOn } = command.data;
  ensure(
    !state.observationIds.includes(observationId),
    'observation-already-recorded',
    `Observation ${observationId} is already recorded`,
  );
  ensureNotInFuture(observedOn, command.context.now, 'observedOn');
  return [{ type: 'PdsaObservationRecorded', data: { ...ref, observationId, kind, text, observedOn } }];
}

export function recordStudy(command: RecordStudy, state: PdsaState): PdsaCycleStudied[] {
  const ref = ensureStatus(state, ['Running'], 'study-needs-running-cycle', 'RecordStudy');
  const { resultsSummary, predictionOutcomes, learning } = command.data;
  const indexes = predictionOutcomes.map((o) => o.predictionIndex);
  const outOfRange = indexes.filter((i) => !Number.isInteger(i) || i < 0 || i >= state.predictions.length);
  ensure(
    outOfRange.length === 0,
    'prediction-index-out-of-range',
    `The plan has predictions 0 to ${state.predictions.length - 1}; there is no ${outOfRange.join(', ')}`,
    'invalid',
    'predictionOutcomes',
  );
  ensure(
    new Set(indexes).size === indexes.length,
    'prediction-outcome-duplicated',
    'Each prediction has one outcome',
    'invalid',
    'predictionOutcomes',
  );
  const missing = predictionsWithoutOutcome(state.predictions, predictionOutcomes);
  ensure(
    missing.length === 0,
    'prediction-outcome-missing',
    `Study compares the results with every prediction; predictions ${missing.join(', ')} have no outcome`,
    'invalid',
    'predictionOutcomes',
  );
  return [
    {
      type: 'PdsaCycleStudied',
      data: { ...ref, resultsSummary, predictionOutcomes, learning, studiedAt: command.context.occurredAt },
    },
  ];
}

export function completePdsaCycle(command: CompletePdsaCycle, state: PdsaState): PdsaCycleCompleted[] {
  const ref = ensureStatus(state, ['Studied'], 'completion-needs-study', 'CompletePdsaCycle');
  // Re-checked here as well as at study: a history imported from elsewhere may hold a partial study.
  const missing = predictionsWithoutOutcome(state.predictions, state.predictionOutcomes);
  ensure(
    missing.length === 0,
    'prediction-outcome-missing',
    `Predictions ${missing.join(', ')} have no outcome; a cycle completes only when every prediction is studied`,
  );
  return [
    {
      type: 'PdsaCycleCompleted',
      data: {
        ...ref,
        decision: command.data.decision,
        nextSteps: command.data.nextSteps,
        scale: state.scale as PdsaScale,
        completedAt: command.context.occurredAt,
      },
    },
  ];
}

export function cancelPdsaCycle(command: CancelPdsaCycle, state: PdsaState): PdsaCycleCancelled[] {
  const ref = ensureStatus(
    state,
    ['Planned', 'Running', 'Studied'],
    'pdsa-cycle-finished',
    'CancelPdsaCycle',
  );
  return [
    {
      type: 'PdsaCycleCancelled',
      data: {
        ...ref,
        reason: command.data.reason,
        cancelledWhen: state.status as 'Planned' | 'Running' | 'Studied',
        cancelledAt: command.context.occurredAt,
      },
    },
  ];
}
