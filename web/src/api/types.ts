/**
 * The API's answers, as the service's own code declares them: type-only
 * imports (erased from the bundle), so a change to an answer's shape breaks
 * the dashboard's type check instead of its pages. Only pure read-model and
 * analytics modules are named here.
 */
import type { SpcPointResult, SpcResult, Variation } from '../../../src/analytics';
import type { DataCutTaken } from '../../../src/domain/evaluation';
import type {
  CoProductionOverall,
  CoProductionRow,
} from '../../../src/projections/evaluation/co-production-report';
import type {
  FunnelGroup,
  FunnelPhaseGroup,
  FunnelReport,
  StageFigures,
} from '../../../src/projections/evaluation/funnel-report';
import type { CycleView, PdsaLearningRow } from '../../../src/projections/evaluation/pdsa-learning-report';
import type { RegisterRow } from '../../../src/projections/evaluation/register-rows';
import type { ProgressScoresReport } from '../../../src/projections/evaluation/progress-scores-report';
import type {
  ChangeIdeaView,
  DriverDiagramView,
  DriverView,
} from '../../../src/projections/driver-diagrams/driver-diagram-view';
import type { MeasureChart as MeasureChartBody } from '../../../src/projections/measures/measure-chart';
import type { CohortRow } from '../../../src/projections/spread/programme-cohorts';
import type {
  BreakdownRow,
  SpreadSummary as Summary,
  TimelineRow,
} from '../../../src/projections/spread/spread-reports';

export type {
  BreakdownRow,
  CohortRow,
  CoProductionRow,
  CycleView,
  FunnelGroup,
  FunnelPhaseGroup,
  PdsaLearningRow,
  RegisterRow,
  StageFigures,
};
export type { TimelineRow, Variation };
export type SpcPoint = SpcPointResult;
export type { SpcResult };

/** Where a figure comes from: the log position the state reflects, live or replayed at bounds. */
export interface Knowledge {
  position: number;
  source: 'live' | 'replay';
}

export type SpreadSummary = Summary & { knowledge: Knowledge };
export type MeasureChart = MeasureChartBody & { knowledge: Knowledge };
export type Funnel = FunnelReport & { knowledge: Knowledge };
export type DriverDiagram = DriverDiagramView & { knowledge: Knowledge };
export type ProgressScores = ProgressScoresReport & { knowledge: Knowledge };
export type { ChangeIdeaView, DriverView };
/** Offset pagination of list answers (ListQuery's limit and offset). */
export interface PageInfo {
  offset: number;
  limit: number;
  total: number;
}

export interface CoProduction {
  overall: CoProductionOverall;
  items: CoProductionRow[];
  page: PageInfo;
}

export type DataCut = DataCutTaken['data'] & { recordedAt: string };

export interface DataCutVerification {
  dataCutId: string;
  match: boolean;
  readModels: Array<{ readModel: string; expected: string; actual: string | null; status: string }>;
}

export interface CommandResult {
  streamId: string;
  revision: number;
  position: number;
}
