import { DomainEvent, IsoDate, IsoDateTime } from '../shared';
import { ObservationKind, PdsaDecision, PdsaPlan, PdsaScale, PredictionOutcomeRecord } from './values';

/** On every event, so the PDSA learning log chains cycles without re-reading plans. */
export interface PdsaCycleRef {
  pdsaCycleId: string;
  alwaysEventId: string;
  changeIdeaId: string;
  cycleNumber: number;
}
type Event<Type extends string, Data> = DomainEvent<Type, PdsaCycleRef & Data>;

export type PdsaCyclePlanned = Event<
  'PdsaCyclePlanned',
  {
    programmeSlug: string;
    odsCode: string;
    previousCycleId: string | null;
    objective: string;
    questions: string[];
    predictions: string[];
    plan: PdsaPlan;
    scale: PdsaScale;
    dataToCollect: string[];
    warnings: string[];
    plannedAt: IsoDateTime;
  }
>;
export type PdsaCycleStarted = Event<'PdsaCycleStarted', { startedAt: IsoDateTime }>;
export type PdsaObservationRecorded = Event<
  'PdsaObservationRecorded',
  { observationId: string; kind: ObservationKind; text: string; observedOn: IsoDate }
>;
export type PdsaCycleStudied = Event<
  'PdsaCycleStudied',
  {
    resultsSummary: string;
    predictionOutcomes: PredictionOutcomeRecord[];
    learning: string;
    studiedAt: IsoDateTime;
  }
>;
export type PdsaCycleCompleted = Event<
  'PdsaCycleCompleted',
  { decision: PdsaDecision; nextSteps: string; scale: PdsaScale; completedAt: IsoDateTime }
>;
export type PdsaCycleCancelled = Event<
  'PdsaCycleCancelled',
  { reason: string; cancelledWhen: 'Planned' | 'Running' | 'Studied'; cancelledAt: IsoDateTime }
>;

export type PdsaEvent =
  | PdsaCyclePlanned
  | PdsaCycleStarted
  | PdsaObservationRecorded
  | PdsaCycleStudied
  | PdsaCycleCompleted
  | PdsaCycleCancelled;
