import { DomainEvent, IsoDate, IsoDateTime } from '../shared';
import { EvaluationScope, FindingEvidence, FindingKind, RoleCount } from './values';

/** On every event, so evaluation read models need no other stream. */
export interface EvaluationRef {
  evaluationId: string;
  evaluator: string;
  scope: EvaluationScope;
}
type Event<Type extends string, Data> = DomainEvent<Type, EvaluationRef & Data>;

export type EvaluationCommissioned = Event<
  'EvaluationCommissioned',
  { title: string; commissioner: string; questions: string[]; commissionedAt: IsoDateTime }
>;
export type DataCutTaken = Event<
  'DataCutTaken',
  {
    dataCutId: string;
    asOf: IsoDateTime;
    asKnownAt: IsoDateTime;
    globalPosition: number;
    projectionVersions: Record<string, number>;
    checksums: Record<string, string>;
    takenAt: IsoDateTime;
  }
>;
export type EvaluationSurveyWaveClosed = Event<
  'EvaluationSurveyWaveClosed',
  {
    waveId: string;
    closedOn: IsoDate;
    invitedCount: number;
    respondentCount: number;
    responseRatePct: number;
    respondentRoles: RoleCount[];
  }
>;
export type EvaluationInterviewsCompleted = Event<
  'EvaluationInterviewsCompleted',
  { interviewRoundId: string; completedOn: IsoDate; count: number; roleCategories: RoleCount[] }
>;
export type EvaluationFindingRecorded = Event<
  'EvaluationFindingRecorded',
  { findingId: string; kind: FindingKind; text: string; evidence: FindingEvidence }
>;
export type EvaluationReportPublished = Event<
  'EvaluationReportPublished',
  { title: string; publishedOn: IsoDate; url: string; findingCount: number; dataCutIds: string[] }
>;

export type EvaluationEvent =
  | EvaluationCommissioned
  | DataCutTaken
  | EvaluationSurveyWaveClosed
  | EvaluationInterviewsCompleted
  | EvaluationFindingRecorded
  | EvaluationReportPublished;
