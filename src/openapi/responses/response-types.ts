/**
 * The JSON body of every query route's success answer, as types: the
 * controllers annotate their bodies with these (so the compiler holds the two
 * together), and schemas/api/generate.cjs turns them into the response
 * schemas of /openapi.json (src/openapi/response-schemas.generated.ts).
 * Names are the schema names in the document.
 */
import type { SpcResult } from '../../analytics/spc-types';
import type { DataCut, DataCutVerification } from '../../history/data-cut-verification';
import type { Knowledge } from '../../projections/http/knowledge';
import type { PageInfo } from '../../projections/http/read-model-query';
import type { CoProductionOverall, CoProductionRow } from '../../projections/evaluation/co-production-report';
import type { FunnelReport } from '../../projections/evaluation/funnel-report';
import type { PdsaLearningOverall, PdsaLearningRow } from '../../projections/evaluation/pdsa-learning-report';
import type { ProgressScoresReport } from '../../projections/evaluation/progress-scores-report';
import type { RegisterRow } from '../../projections/evaluation/register-rows';
import type { MeasureChart } from '../../projections/measures/measure-chart';
import type { ProjectionHealth } from '../../projections/runner/projection-runner';
import type {
  Breakdown,
  BreakdownRow,
  ReturnComplianceRow,
  SpreadSummary,
  TimelineRow,
} from '../../projections/spread/spread-reports';
import type { LineageRow, ScaleUpRow } from '../../projections/spread/spread-scale-up';

interface OfProgramme {
  programme: string;
  /** The calendar date the figures are for: the asOf date, or today. */
  date: string;
  knowledge: Knowledge;
}

export type SpreadSummaryResponse = SpreadSummary & { knowledge: Knowledge };

export interface SpreadTimelineResponse extends OfProgramme {
  items: TimelineRow[];
}

export interface SpreadBreakdownResponse extends OfProgramme {
  by: Breakdown;
  items: BreakdownRow[];
}

export interface ScaleUpUnitsResponse extends OfProgramme {
  unitsLive: number;
  items: ScaleUpRow[];
}

export interface SpreadLineageResponse extends OfProgramme {
  maxDepth: number;
  items: LineageRow[];
  page: PageInfo;
}

export interface ReturnComplianceResponse extends OfProgramme {
  totals: { expected: number; onTime: number; late: number; missing: number };
  items: ReturnComplianceRow[];
  page: PageInfo;
}

export type MeasureChartResponse = MeasureChart & {
  knowledge: Pick<Knowledge, 'position' | 'source' | 'status'>;
};

export interface AlwaysEventRegisterResponse {
  date: string;
  items: RegisterRow[];
  page: PageInfo;
  knowledge: Knowledge;
}

export type AlwaysEventResponse = RegisterRow & { date: string; knowledge: Knowledge };

export type FunnelResponse = FunnelReport & { knowledge: Knowledge };

export interface PdsaLearningResponse {
  date: string;
  overall: PdsaLearningOverall;
  items: PdsaLearningRow[];
  page: PageInfo;
  knowledge: Knowledge;
}

export interface CoProductionResponse {
  date: string;
  overall: CoProductionOverall;
  items: CoProductionRow[];
  page: PageInfo;
  knowledge: Knowledge;
}

export type ProgressScoresResponse = ProgressScoresReport & { knowledge: Knowledge };

export interface ChangeRow {
  kind: 'correction' | 'backdated' | 'new';
  type: string;
  streamId: string;
  position: number;
  occurredAt: string;
  recordedAt: string;
  sourceSystem: string;
  actor: string;
  /** The event's payload, as recorded (upcast to its current schema version). */
  data: unknown;
}

export interface ChangesResponse {
  /** The start of the window as an instant. */
  since: string;
  asKnownAt: string | null;
  counts: { new: number; backdated: number; correction: number };
  items: ChangeRow[];
  page: PageInfo;
}

export interface ReadModelsResponse {
  headPosition: number;
  items: Array<ProjectionHealth & { checksum: string }>;
}

export interface RebuildStartedResponse {
  name: string;
  status: 'rebuilding';
}

export type DataCutResponse = DataCut;

export type DataCutVerificationResponse = DataCutVerification;

export interface DataCutReadModelResponse {
  dataCutId: string;
  readModel: string;
  checksum: string;
  matchesCut: boolean;
  /** The read model's table at the cut's bounds, one object per row. */
  items: Array<Record<string, unknown>>;
}

export type SpcResponse = SpcResult;
