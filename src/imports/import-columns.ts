/**
 * The import template's columns (docs/integrators/imports.md). One table
 * holds two kinds of record: a measurement (a measure's numerator and
 * denominator for a period and unit) and a monthly return (an organisation's
 * return for a month). Header names are matched without regard to case,
 * spaces or hyphens (`ODS code`, `ods-code` and `ods_code` are one column).
 */
export const IMPORT_COLUMNS = [
  'record',
  'ods_code',
  'always_event_id',
  'measure_id',
  'unit_id',
  'period',
  'numerator',
  'denominator',
  'always',
  'usually',
  'sometimes',
  'never',
  'reported_on',
  'note',
  'submitted_on',
  'measures_reported',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const RECORD_KINDS = ['measurement', 'return'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Columns a record of each kind must fill. */
export const REQUIRED: Readonly<Record<RecordKind, readonly ImportColumn[]>> = {
  measurement: ['ods_code', 'measure_id', 'period', 'numerator', 'denominator'],
  return: ['ods_code', 'period', 'submitted_on', 'measures_reported'],
};

/** The columns only a monthly return fills; a measurement may fill every other column. */
const RETURN_ONLY: readonly ImportColumn[] = ['submitted_on', 'measures_reported'];

/** Columns a record of each kind may fill; a value anywhere else is refused, not ignored. */
export const ALLOWED: Readonly<Record<RecordKind, ReadonlySet<ImportColumn>>> = {
  measurement: new Set(IMPORT_COLUMNS.filter((column) => !RETURN_ONLY.includes(column))),
  return: new Set<ImportColumn>(['record', 'ods_code', 'always_event_id', 'period', ...RETURN_ONLY]),
};

/** What a trust analyst reads in the template's guide, one line per column. */
export const COLUMN_GUIDE: Readonly<Record<ImportColumn, string>> = {
  record: '"measurement" or "return"; blank: a measurement when measure_id is filled, else a return',
  ods_code: 'ODS code of the organisation, e.g. RYX',
  always_event_id:
    'Measurement: the Always Event of the measure (checked). Return: the Always Events it covers, separated by ";"',
  measure_id: 'Measurement: the measure (its id, as the programme gave it)',
  unit_id: 'Measurement: the unit, e.g. ward-7; blank: the Always Event’s home unit',
  period: 'Month (2019-10, 10/2019 or Oct 2019) or ISO week (2019-W42) for weekly measures',
  numerator: 'Measurement: patients for whom it happened (a whole number)',
  denominator: 'Measurement: patients asked or audited (a whole number above 0)',
  always: 'Measurement, optional: answers "Always" (with usually, sometimes and never)',
  usually: 'Measurement, optional: answers "Usually"',
  sometimes: 'Measurement, optional: answers "Sometimes"',
  never: 'Measurement, optional: answers "Never"',
  reported_on:
    'Measurement, optional: the date the figure was collected (2019-10-31, 31/10/2019 or a date cell)',
  note: 'Measurement, optional: a note shown on the chart at this period (no patient details)',
  submitted_on: 'Return: the date the return was sent (2019-10-31, 31/10/2019 or a date cell)',
  measures_reported: 'Return: how many measures it reports (a whole number)',
};

export const normaliseHeader = (text: string): string =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export const isImportColumn = (name: string): name is ImportColumn =>
  (IMPORT_COLUMNS as readonly string[]).includes(name);
