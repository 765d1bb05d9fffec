import { Command, IsoDate, IsoDateTime } from '../shared';
import { EvaluationScope, FindingEvidence, FindingKind, RoleCount } from './values';

interface Target {
  evaluationId: string;
}

export type CommissionEvaluation = Command<
  'CommissionEvaluation',
  Target & {
    title: string;
    evaluator: string;
    commissioner: string;
    scope: EvaluationScope;
    questions: string[];
  }
>;
/**
 * The bounds, versions and checksums are computed by the history service
 * (a later piece of work) and arrive here as data; the decider checks their
 * shape and records them, immutably.
 */
/** What the read side says of every read model folded inside a cut's bounds. */
export interface DataCutFacts {
  globalPosition: number;
  projectionVersions: Record<string, number>;
  /** Read model name → sha256 of its canonical content, lower-case hex. */
  checksums: Record<string, string>;
}
export type TakeDataCut = Command<
  'TakeDataCut',
  Target & { dataCutId: string; asOf: IsoDateTime; asKnownAt: IsoDateTime },
  DataCutFacts
>;
export type RecordSurveyWave = Command<
  'RecordSurveyWave',
  Target & {
    waveId: string;
    closedOn: IsoDate;
    invitedCount: number;
    respondentCount: number;
    respondentRoles: RoleCount[];
  }
>;
export type RecordInterviews = Command<
  'RecordInterviews',
  Target & { interviewRoundId: string; completedOn: IsoDate; count: number; roleCategories: RoleCount[] }
>;
export type RecordFinding = Command<
  'RecordFinding',
  Target & { findingId: string; kind: FindingKind; text: string; evidence: FindingEvidence }
>;
export type PublishReport = Command<
  'PublishReport',
  Target & { title: string; publishedOn: IsoDate; url: string }
>;

export type EvaluationCommand =
  CommissionEvaluation | TakeDataCut | RecordSurveyWave | RecordInterviews | RecordFinding | PublishReport;
