import { Command, IsoDate } from '../shared';
import {
  AlwaysEventForPdsa,
  ObservationKind,
  PdsaDecision,
  PdsaPlan,
  PdsaScale,
  PredictionOutcomeRecord,
  PreviousPdsaCycle,
} from './values';

interface Target {
  pdsaCycleId: string;
}

export type PlanPdsaCycle = Command<
  'PlanPdsaCycle',
  Target & {
    alwaysEventId: string;
    changeIdeaId: string;
    cycleNumber: number;
    previousCycleId: string | null;
    objective: string;
    questions: string[];
    predictions: string[];
    plan: PdsaPlan;
    scale: PdsaScale;
    dataToCollect: string[];
  },
  { alwaysEvent: AlwaysEventForPdsa | null; previousCycle: PreviousPdsaCycle | null }
>;
export type StartPdsaCycle = Command<'StartPdsaCycle', Target>;
export type RecordObservation = Command<
  'RecordObservation',
  Target & { observationId: string; kind: ObservationKind; text: string; observedOn: IsoDate }
>;
export type RecordStudy = Command<
  'RecordStudy',
  Target & { resultsSummary: string; predictionOutcomes: PredictionOutcomeRecord[]; learning: string }
>;
export type CompletePdsaCycle = Command<
  'CompletePdsaCycle',
  Target & { decision: PdsaDecision; nextSteps: string }
>;
export type CancelPdsaCycle = Command<'CancelPdsaCycle', Target & { reason: string }>;

export type PdsaCommand =
  PlanPdsaCycle | StartPdsaCycle | RecordObservation | RecordStudy | CompletePdsaCycle | CancelPdsaCycle;
