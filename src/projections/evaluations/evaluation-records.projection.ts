import { EvaluationEvent } from '../../domain/evaluation';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';

export interface EvaluationRecord {
  evaluationId: string;
  title: string;
  evaluator: string;
  commissioner: string;
  scope: unknown;
  commissionedAt: string;
  dataCuts: number;
  findings: number;
  reportPublishedOn: string | null;
}

export interface DataCutRecord {
  dataCutId: string;
  evaluationId: string;
  evaluator: string;
  asOf: string;
  asKnownAt: string;
  globalPosition: number;
  takenAt: string;
  checksums: Record<string, string>;
}

export interface FindingRecord {
  findingId: string;
  evaluationId: string;
  evaluator: string;
  kind: string;
  text: string;
  dataCutIds: string[];
  alwaysEventIds: string[];
  recordedAt: string;
}

export interface ReportRecord {
  evaluationId: string;
  evaluator: string;
  title: string;
  publishedOn: string;
  url: string;
  findingCount: number;
  dataCutIds: string[];
}

export interface EvaluationRecordsState {
  evaluations: Record<string, EvaluationRecord>;
  dataCuts: Record<string, DataCutRecord>;
  findings: Record<string, FindingRecord>;
  reports: Record<string, ReportRecord>;
}

const EVALUATION: readonly EvaluationEvent['type'][] = [
  'EvaluationCommissioned',
  'DataCutTaken',
  'EvaluationFindingRecorded',
  'EvaluationReportPublished',
];

function applyEvaluation(state: EvaluationRecordsState, e: EvaluationEvent, occurredAt: string): void {
  const d = e.data;
  const evaluation = state.evaluations[d.evaluationId];
  switch (e.type) {
    case 'EvaluationCommissioned':
      state.evaluations[d.evaluationId] = {
        evaluationId: d.evaluationId,
        title: e.data.title,
        evaluator: d.evaluator,
        commissioner: e.data.commissioner,
        scope: d.scope,
        commissionedAt: e.data.commissionedAt,
        dataCuts: 0,
        findings: 0,
        reportPublishedOn: null,
      };
      return;
    case 'DataCutTaken':
      state.dataCuts[e.data.dataCutId] = {
        dataCutId: e.data.dataCutId,
        evaluationId: d.evaluationId,
        evaluator: d.evaluator,
        asOf: e.data.asOf,
        asKnownAt: e.data.asKnownAt,
        globalPosition: e.data.globalPosition,
        takenAt: e.data.takenAt,
        checksums: e.data.checksums,
      };
      if (evaluation) evaluation.dataCuts++;
      return;
    case 'EvaluationFindingRecorded':
      state.findings[e.data.findingId] = {
        findingId: e.data.findingId,
        evaluationId: d.evaluationId,
        evaluator: d.evaluator,
        kind: e.data.kind,
        text: e.data.text,
        dataCutIds: e.data.evidence.dataCutIds,
        alwaysEventIds: e.data.evidence.alwaysEventIds,
        recordedAt: occurredAt,
      };
      if (evaluation) evaluation.findings++;
      return;
    case 'EvaluationReportPublished':
      state.reports[d.evaluationId] = {
        evaluationId: d.evaluationId,
        evaluator: d.evaluator,
        title: e.data.title,
        publishedOn: e.data.publishedOn,
        url: e.data.url,
        findingCount: e.data.findingCount,
        dataCutIds: e.data.dataCutIds,
      };
      if (evaluation) evaluation.reportPublishedOn = e.data.publishedOn;
      return;
  }
}

/** Evaluations, their data cuts, findings and reports, for the lists evaluators and the team search. */
export const evaluationRecordsProjection: Projection<EvaluationRecordsState> = {
  name: 'evaluation-records',
  version: 1,
  filter: { eventTypes: EVALUATION },
  initialState: () => ({ evaluations: {}, dataCuts: {}, findings: {}, reports: {} }),
  apply(state, event: RecordedEvent) {
    const routed = routeEvent(event);
    if (routed?.category === 'evaluation') applyEvaluation(state, routed.event, event.metadata.occurredAt);
    return state;
  },
};
