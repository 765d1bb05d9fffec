import { DomainError } from '../domain/shared';
import { IdempotencyKeyReusedError } from '../event-store/errors';
import { ProblemException } from '../shared/problem';
import type { ImportColumn, RecordKind } from './import-columns';
import { columnOfField, RowProblem } from './import-rows';

export type RowOutcome = 'written' | 'replayed' | 'refused' | 'failed';

/** One line of an import's report: a row's outcome, or one of its problems. */
export interface ImportEntry {
  row: number;
  record: RecordKind | null;
  outcome: RowOutcome;
  field: ImportColumn | null;
  rule: string | null;
  message: string | null;
  /** The stream the row wrote to (or would have), when it got that far. */
  streamId: string | null;
}

export interface ImportTotals {
  rows: number;
  written: number;
  replayed: number;
  refused: number;
  failed: number;
}

/** The columns of the report's CSV, in order. */
export const REPORT_COLUMNS: ReadonlyArray<keyof ImportEntry> = [
  'row',
  'record',
  'outcome',
  'field',
  'rule',
  'message',
  'streamId',
];

/**
 * Why the gateway or the handler refused a row's command, as report lines:
 * each field a problem names, back to its column; the rule; a message that
 * repeats no value a screening refused (those never reach here: screening
 * of the row comes first).
 */
export function problemsOfError(error: unknown): { problems: RowProblem[]; failed: boolean } {
  if (error instanceof DomainError) {
    return {
      problems: [{ field: columnOfField(error.field), rule: error.rule, message: error.message }],
      failed: false,
    };
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return {
      problems: [
        {
          field: null,
          rule: 'imported-with-other-values',
          message:
            'This record was imported before with other values; nothing was written. Correct a measurement with CorrectMeasurement, a return with AmendMonthlyReturn',
        },
      ],
      failed: false,
    };
  }
  if (error instanceof ProblemException) {
    const body = error.body();
    const failed = error.status >= 500;
    if (body.errors && body.errors.length > 0) {
      return {
        problems: body.errors.map((e) => ({
          field: columnOfField(e.field),
          rule: e.rule,
          message: e.message,
        })),
        failed,
      };
    }
    return { problems: [{ field: null, rule: body.rule ?? error.slug, message: body.detail }], failed };
  }
  return {
    problems: [
      {
        field: null,
        rule: 'not-written',
        message: 'The service could not write this row; import the file again',
      },
    ],
    failed: true,
  };
}
