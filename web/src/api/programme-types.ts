/**
 * The programme team's answers (organisations, the worklist, imports, the
 * Always Event list). The rows are the service's own types (type-only
 * imports of pure modules, like ./types.ts); the envelopes are restated from
 * src/openapi/responses/response-types.ts, whose imports reach framework code the
 * dashboard's type check does not load.
 */
import type { OrganisationRow } from '../../../src/projections/organisations/organisation-rows';
import type {
  ParticipationStep,
  RegisterChange,
  SponsorStep,
} from '../../../src/projections/organisations/organisations.projection';
import type { ReturnComplianceRow } from '../../../src/projections/spread/spread-reports';
import type { PhaseWindow, ReportingWindow } from '../../../src/projections/spread/reporting-windows';
import type { WorklistItem, WorklistRule } from '../../../src/projections/worklist/worklist-report';
import type { ImportEntry, ImportTotals } from '../../../src/imports/import-report';
import type { Knowledge, RegisterRow } from './types';

export type { ImportEntry, ImportTotals, OrganisationRow, WorklistItem, WorklistRule };

export interface CursorPageInfo {
  limit: number;
  total: number;
  /** Null on the last page. */
  nextCursor: string | null;
  sort: string;
}

export interface CursorList<T> {
  items: T[];
  page: CursorPageInfo;
  knowledge: Knowledge;
}

export interface OrganisationAlwaysEvent {
  alwaysEventId: string;
  unit: RegisterRow['homeUnit'];
  vision: string | null;
  theme: string | null;
  state: string;
  latestProgressScore: RegisterRow['latestProgressScore'];
  keyDates: RegisterRow['keyDates'];
  measures: Array<RegisterRow['measures'][number] & { chart: string }>;
}

export interface OrganisationPage {
  programme: string;
  date: string;
  organisation: OrganisationRow | { odsCode: string };
  history: RegisterChange[];
  participation: { steps: ParticipationStep[]; sponsor: SponsorStep[] } | null;
  alwaysEvents: OrganisationAlwaysEvent[];
  returns: {
    window: ReportingWindow;
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
  statementAgreedOn: string | null;
  latestProgressScore: number | null;
  measures: number;
}

export interface Worklist extends CursorList<WorklistItem> {
  date: string;
  window: ReportingWindow;
  counts: Record<WorklistRule, number>;
}

export interface ImportReport {
  importId: string;
  file: { format: string; sha256: string; bytes: number; rows: number };
  entries: ImportEntry[];
  totals: ImportTotals;
}
