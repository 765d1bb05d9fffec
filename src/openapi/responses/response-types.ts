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
import type { ParticipationContacts } from '../../projections/contacts/contacts.projection';
import type { CoProductionOverall, CoProductionRow } from '../../projections/evaluation/co-production-report';
import type { FunnelReport } from '../../projections/evaluation/funnel-report';
import type { PdsaLearningOverall, PdsaLearningRow } from '../../projections/evaluation/pdsa-learning-report';
import type { ProgressScoresReport } from '../../projections/evaluation/progress-scores-report';
import type { RegisterRow } from '../../projections/evaluation/register-rows';
import type { MeasureChart } from '../../projections/measures/measure-chart';
import type { RecalculationProposalsBody } from '../../projections/measures/recalculation-proposals';
import type { DriverDiagramView } from '../../projections/driver-diagrams/driver-diagram-view';
import type { ProjectionHealth } from '../../projections/runner/projection-runner';
import type {
  Breakdown,
  BreakdownRow,
  ComplianceTotals,
  ReturnComplianceRow,
  SpreadSummary,
  TimelineRow,
} from '../../projections/spread/spread-reports';
import type { PhaseWindow, ReportingWindow } from '../../projections/spread/reporting-windows';
import type { LineageRow, ScaleUpRow } from '../../projections/spread/spread-scale-up';
import type { CohortRow } from '../../projections/spread/programme-cohorts';
import type { CursorPage } from '../../projections/http/cursor-page';
import type { OrganisationRow } from '../../projections/organisations/organisation-rows';
import type {
  ParticipationStep,
  RegisterChange,
  SponsorStep,
} from '../../projections/organisations/organisations.projection';
import type {
  DataCutRecord,
  EvaluationRecord,
  FindingRecord,
  ReportRecord,
} from '../../projections/evaluations/evaluation-records.projection';
import type { WorklistItem, WorklistRule } from '../../projections/worklist/worklist-report';
import type { WorklistThresholds } from '../../domain/programme';
import type { ProgrammeReport } from '../../reports/programme-report';
import type { ImportEntry, ImportTotals } from '../../imports/import-report';
import type { TableFormat } from '../../imports/table-reader';

interface OfProgramme {
  programme: string;
  /** The calendar date the figures are for: the asOf date, or today. */
  date: string;
  knowledge: Knowledge;
}

/** Where the figures end: the programme's reporting window or closing date, unless `window=none`. */
interface InWindow {
  window: ReportingWindow;
}

/** Where each phase's figures end: its own window or close, else the programme's (whichever ends first). */
interface InPhaseWindows {
  phaseWindows: PhaseWindow[];
}

/** With `phase` only: the phase asked for, and where its figures end. */
interface OfPhase {
  phase?: string;
  phaseWindow?: PhaseWindow;
}

export type SpreadSummaryResponse = SpreadSummary & InWindow & OfPhase & { knowledge: Knowledge };

export interface SpreadTimelineResponse extends OfProgramme, InWindow, OfPhase {
  items: TimelineRow[];
}

export interface SpreadBreakdownResponse extends OfProgramme, InWindow {
  /** With `by=phase` only: where each phase's row ends. */
  phaseWindows?: PhaseWindow[];
  by: Breakdown;
  items: BreakdownRow[];
}

export interface ScaleUpUnitsResponse extends OfProgramme {
  unitsLive: number;
  items: ScaleUpRow[];
}

export interface SpreadCohortsResponse extends OfProgramme {
  items: CohortRow[];
}

export interface SpreadLineageResponse extends OfProgramme {
  maxDepth: number;
  items: LineageRow[];
  page: PageInfo;
}

export interface ReturnComplianceResponse extends OfProgramme, InWindow, InPhaseWindows {
  totals: ComplianceTotals;
  items: ReturnComplianceRow[];
  page: PageInfo;
}

export type MeasureChartResponse = MeasureChart & {
  knowledge: Pick<Knowledge, 'position' | 'source' | 'status'>;
};

export type RecalculationProposalsResponse = RecalculationProposalsBody & { knowledge: Knowledge };

export type DriverDiagramResponse = DriverDiagramView & { knowledge: Knowledge };

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

export interface ContactsResponse {
  items: ParticipationContacts[];
  page: PageInfo;
  knowledge: Knowledge;
}

/** A cursor-paginated list's page: `nextCursor` is null on the last page. */
type CursorList<T> = CursorPage<T> & { knowledge: Knowledge };

export interface OrganisationsResponse extends CursorList<OrganisationRow> {
  programme: string;
  date: string;
}

export interface OrganisationAlwaysEvent {
  alwaysEventId: string;
  unit: RegisterRow['homeUnit'];
  vision: string | null;
  theme: string | null;
  state: string;
  latestProgressScore: RegisterRow['latestProgressScore'];
  keyDates: RegisterRow['keyDates'];
  /** Each measure with its latest values and the path of its chart. */
  measures: Array<RegisterRow['measures'][number] & { chart: string }>;
}

export interface OrganisationPageResponse {
  programme: string;
  date: string;
  /** The register entry on the date; only the ODS code for one known from its history alone. */
  organisation: OrganisationRow | { odsCode: string };
  history: RegisterChange[];
  participation: { steps: ParticipationStep[]; sponsor: SponsorStep[] } | null;
  alwaysEvents: OrganisationAlwaysEvent[];
  returns: {
    window: ReportingWindow;
    /** The window of the organisation's phase, which its compliance ends at; null without a phase. */
    phaseWindow: PhaseWindow | null;
    compliance: ReturnComplianceRow | null;
    submitted: Array<{ period: string; submittedOn: string }>;
  };
  knowledge: Knowledge;
}

export interface AlwaysEventListRow {
  alwaysEventId: string;
  odsCode: string;
  organisation: string | null;
  region: string | null;
  unit: string;
  setting: string;
  state: string;
  vision: string | null;
  theme: string | null;
  initiatedOn: string | null;
  /** The day its current statement was agreed; null before. */
  statementAgreedOn: string | null;
  latestProgressScore: number | null;
  /** How many measures it has. */
  measures: number;
}

export type AlwaysEventsResponse = CursorList<AlwaysEventListRow>;

export type EvaluationsResponse = CursorList<EvaluationRecord>;

export type DataCutsResponse = CursorList<DataCutRecord>;

export type FindingsResponse = CursorList<FindingRecord>;

export type EvaluationReportsResponse = CursorList<ReportRecord>;

export interface WorklistResponse extends CursorList<WorklistItem> {
  programme: string;
  date: string;
  window: ReportingWindow;
  thresholds: WorklistThresholds;
  /** Open items by rule, before `rule` and `q` filter the list. */
  counts: Record<WorklistRule, number>;
}

/** The board pack's figures (`format=json`), as the PDF and XLSX show them. */
export type ProgrammeReportResponse = ProgrammeReport;

/** An import's report (streamed: `totals` come last, once every row is done). */
export interface ImportReportResponse {
  importId: string;
  file: { format: TableFormat; sha256: string; bytes: number; rows: number };
  /** The refused and failed rows' problems, or (`report=all`) every row's outcome. */
  entries: ImportEntry[];
  totals: ImportTotals;
}
