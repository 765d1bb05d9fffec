/**
 * The evaluation lists' rows (`GET /v1/evaluations`, `/data-cuts`,
 * `/findings`, `/reports`), as the read model declares them: type-only
 * imports, like ./types.ts.
 */
import type {
  DataCutRecord,
  EvaluationRecord,
  FindingRecord,
  ReportRecord,
} from '../../../src/projections/evaluations/evaluation-records.projection';

export type { DataCutRecord, EvaluationRecord, FindingRecord, ReportRecord };
