import { uuidV5 } from '../shared/uuid-v5';
import { sha256Hex } from '../shared/canonical-json';
import { screen } from '../privacy/screening';
import { ALLOWED, ImportColumn, RecordKind, REQUIRED } from './import-columns';
import { Cell, CellProblem, isBlank, readDate, readInteger, readPeriod, readText } from './import-cells';

/** One problem with one row: the column (when one is to blame) and the rule; never the cell's value. */
export interface RowProblem {
  field: ImportColumn | null;
  rule: string;
  message: string;
}

export interface MeasurementRow {
  kind: 'measurement';
  row: number;
  odsCode: string;
  alwaysEventId: string | null;
  measureId: string;
  /** Blank: the Always Event's home unit, filled in before the command is built. */
  unitId: string | null;
  period: string;
  numerator: number;
  denominator: number;
  categoryCounts: { always: number; usually: number; sometimes: number; never: number } | null;
  reportedOn: string | null;
  note: string | null;
}

export interface ReturnRow {
  kind: 'return';
  row: number;
  odsCode: string;
  period: string;
  alwaysEventIds: string[];
  submittedOn: string;
  measuresReported: number;
}

export type ParsedRow = MeasurementRow | ReturnRow;

const COUNTS = ['always', 'usually', 'sometimes', 'never'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** Between the ids of a list in one cell. */
const ID_SEPARATORS = /[;\s]+/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What screening reads of a cell: a `;`-separated list of UUIDs (a return's
 * Always Events, however separated) as the list it is, so each UUID is skipped as one alone is
 * (the service's own identifiers); read as one text, the digits of one
 * UUID's last group and the next one's first would pass for an NHS number
 * about one cell in 170 with two random UUIDs. Anything else, the cell as written.
 */
function screenable(cell: string): string | string[] {
  // Shorter than two UUIDs and a separator: one text, without splitting it to find out.
  if (cell.length < 73) return cell;
  const parts = cell.split(ID_SEPARATORS).filter((part) => part.length > 0);
  return parts.length > 1 && parts.every((part) => UUID.test(part)) ? parts : cell;
}

/**
 * Reads one row's cells (keyed by column) into a record, or every problem
 * it has. Screening comes first and alone: a row that holds what looks like
 * patient-identifiable data is refused naming the column and the pattern,
 * and nothing else about it is read or repeated.
 */
export function parseRow(row: number, cells: ReadonlyMap<ImportColumn, Cell>): ParsedRow | RowProblem[] {
  const screened: RowProblem[] = [];
  for (const [column, cell] of cells) {
    if (typeof cell !== 'string') continue;
    for (const finding of screen(screenable(cell), column)) {
      screened.push({
        field: column,
        rule: finding.rule,
        message: `${column} contains what looks like patient-identifiable data (${finding.rule}); nothing of this row was written`,
      });
    }
  }
  if (screened.length > 0) return screened;

  const problems: RowProblem[] = [];
  const filled = (column: ImportColumn) => cells.has(column) && !isBlank(cells.get(column) ?? null);
  const read = <T>(column: ImportColumn, reader: (cell: Cell) => T): T | undefined => {
    if (!filled(column)) return undefined;
    try {
      return reader(cells.get(column) ?? null);
    } catch (error) {
      if (!(error instanceof CellProblem)) throw error;
      problems.push({ field: column, rule: error.rule, message: `${column} ${error.message}` });
      return undefined;
    }
  };
  const stated = read('record', readText)?.toLowerCase();
  const kind: RecordKind | undefined =
    stated === 'measurement' || stated === 'return'
      ? stated
      : stated === undefined
        ? filled('measure_id')
          ? 'measurement'
          : 'return'
        : undefined;
  if (kind === undefined) {
    if (stated !== undefined)
      problems.push({
        field: 'record',
        rule: 'record-kind',
        message: 'record must be "measurement" or "return"',
      });
    return problems;
  }
  for (const column of REQUIRED[kind]) {
    if (!filled(column))
      problems.push({ field: column, rule: 'required', message: `${column} is required for a ${kind}` });
  }
  for (const column of cells.keys()) {
    if (!ALLOWED[kind].has(column) && filled(column)) {
      problems.push({
        field: column,
        rule: 'not-for-this-record',
        message: `${column} is not part of a ${kind}: leave it blank`,
      });
    }
  }
  const odsCode = read('ods_code', readText)?.toUpperCase();
  const period = read('period', readPeriod);
  if (kind === 'return') {
    const submittedOn = read('submitted_on', readDate);
    const measuresReported = read('measures_reported', readInteger);
    const ids = read('always_event_id', readText);
    if (period !== undefined && !MONTH.test(period))
      problems.push({
        field: 'period',
        rule: 'period-format',
        message: 'period of a return must be a month',
      });
    if (problems.length > 0) return problems;
    return {
      kind,
      row,
      odsCode: odsCode as string,
      period: period as string,
      alwaysEventIds: ids
        ? ids
            .split(ID_SEPARATORS)
            .filter((id) => id.length > 0)
            .map((id) => id.toLowerCase())
        : [],
      submittedOn: submittedOn as string,
      measuresReported: measuresReported as number,
    };
  }
  const numerator = read('numerator', readInteger);
  const denominator = read('denominator', readInteger);
  const counts = COUNTS.map((column) => read(column, readInteger));
  const anyCount = COUNTS.some((column) => filled(column));
  if (anyCount && counts.some((count) => count === undefined)) {
    for (const column of COUNTS)
      if (!filled(column))
        problems.push({
          field: column,
          rule: 'required',
          message: `${column} is required when any answer count is given`,
        });
  }
  const measureId = read('measure_id', readText)?.toLowerCase();
  const alwaysEventId = read('always_event_id', readText)?.toLowerCase() ?? null;
  const unitId = read('unit_id', readText) ?? null;
  const reportedOn = read('reported_on', readDate) ?? null;
  const note = read('note', readText) ?? null;
  if (problems.length > 0) return problems;
  const [always, usually, sometimes, never] = counts as number[];
  return {
    kind,
    row,
    odsCode: odsCode as string,
    alwaysEventId,
    measureId: measureId as string,
    unitId,
    period: period as string,
    numerator: numerator as number,
    denominator: denominator as number,
    categoryCounts: anyCount ? { always, usually, sometimes, never } : null,
    reportedOn,
    note,
  };
}

/** Namespace of chart-annotation ids derived from an imported row's identity (a fixed, random UUID). */
const ANNOTATION_NAMESPACE = '8d2f3b6e-4c1a-4f7e-9a05-6b3e2c1d7f90';

const digest = (parts: readonly string[]): string => sha256Hex(parts.join('\n')).slice(0, 40);

/**
 * Idempotency keys from what a row is, not where it is: the same
 * measurement (organisation, measure, unit, period) or return (programme,
 * organisation, month) has the same key in any file, so importing it again
 * writes nothing and answers as a retry, and importing other values for it
 * is refused rather than written twice.
 */
export const rowKeys = {
  measurement: (row: MeasurementRow & { unitId: string }) =>
    `import.measurement.${digest([row.odsCode, row.measureId, row.unitId, row.period])}`,
  note: (row: MeasurementRow & { unitId: string }) =>
    `import.note.${digest([row.odsCode, row.measureId, row.unitId, row.period])}`,
  return: (programmeSlug: string, row: ReturnRow) =>
    `import.return.${digest([programmeSlug, row.odsCode, row.period])}`,
};

export const annotationIdOf = (row: MeasurementRow & { unitId: string }): string =>
  uuidV5(`${row.odsCode}\n${row.measureId}\n${row.unitId}\n${row.period}`, ANNOTATION_NAMESPACE);

/** Body fields of the commands a row becomes, back to the columns they came from. */
export const COLUMN_OF_FIELD: Readonly<Record<string, ImportColumn>> = {
  odsCode: 'ods_code',
  measureId: 'measure_id',
  alwaysEventId: 'always_event_id',
  alwaysEventIds: 'always_event_id',
  unitId: 'unit_id',
  period: 'period',
  numerator: 'numerator',
  denominator: 'denominator',
  'categoryCounts.always': 'always',
  'categoryCounts.usually': 'usually',
  'categoryCounts.sometimes': 'sometimes',
  'categoryCounts.never': 'never',
  categoryCounts: 'always',
  occurredAt: 'reported_on',
  text: 'note',
  submittedOn: 'submitted_on',
  measuresReported: 'measures_reported',
};

export function columnOfField(field: string | undefined): ImportColumn | null {
  if (!field) return null;
  const plain = field.replace(/\[\d+\]|\.\d+(?=\.|$)/g, '');
  return COLUMN_OF_FIELD[plain] ?? null;
}
