import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';

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

type Data = Record<string, unknown> & { evaluationId: string; evaluator: string };

/** Evaluations, their data cuts, findings and reports, for the lists evaluators and the team search. */
export const evaluationRecordsProjection: Projection<EvaluationRecordsState> = {
  name: 'evaluation-records',
  version: 1,
  filter: {
    eventTypes: [
      'EvaluationCommissioned',
      'DataCutTaken',
      'EvaluationFindingRecorded',
      'EvaluationReportPublished',
    ],
  },
  initialState: () => ({ evaluations: {}, dataCuts: {}, findings: {}, reports: {} }),
  apply(state, event: RecordedEvent) {
    const d = event.data as Data;
    const evaluation = state.evaluations[d.evaluationId];
    switch (event.type) {
      case 'EvaluationCommissioned':
        state.evaluations[d.evaluationId] = {
          evaluationId: d.evaluationId,
          title: String(d.title),
          evaluator: d.evaluator,
          commissioner: String(d.commissioner),
          scope: d.scope,
          commissionedAt: String(d.commissionedAt),
          dataCuts: 0,
          findings: 0,
          reportPublishedOn: null,
        };
        break;
      case 'DataCutTaken':
        state.dataCuts[String(d.dataCutId)] = {
          dataCutId: String(d.dataCutId),
          evaluationId: d.evaluationId,
          evaluator: d.evaluator,
          asOf: String(d.asOf),
          asKnownAt: String(d.asKnownAt),
          globalPosition: Number(d.globalPosition),
          takenAt: String(d.takenAt),
          checksums: d.checksums as Record<string, string>,
        };
        if (evaluation) evaluation.dataCuts++;
        break;
      case 'EvaluationFindingRecorded': {
        const evidence = d.evidence as { dataCutIds: string[]; alwaysEventIds: string[] };
        state.findings[String(d.findingId)] = {
          findingId: String(d.findingId),
          evaluationId: d.evaluationId,
          evaluator: d.evaluator,
          kind: String(d.kind),
          text: String(d.text),
          dataCutIds: evidence.dataCutIds,
          alwaysEventIds: evidence.alwaysEventIds,
          recordedAt: event.metadata.occurredAt,
        };
        if (evaluation) evaluation.findings++;
        break;
      }
      case 'EvaluationReportPublished':
        state.reports[d.evaluationId] = {
          evaluationId: d.evaluationId,
          evaluator: d.evaluator,
          title: String(d.title),
          publishedOn: String(d.publishedOn),
          url: String(d.url),
          findingCount: Number(d.findingCount),
          dataCutIds: d.dataCutIds as string[],
        };
        if (evaluation) evaluation.reportPublishedOn = String(d.publishedOn);
        break;
    }
    return state;
  },
};
