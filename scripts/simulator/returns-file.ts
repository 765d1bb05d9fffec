import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { IMPORT_COLUMNS, ImportColumn } from '../../src/imports/import-columns';
import { toCsv } from '../../src/projections/http/respond';
import type { PlannedCommand } from './commands';
import type { SimulationPlan } from './plan/build-plan';

/**
 * The simulated programme's monthly returns and measurements as a trust
 * would send them: rows of the import template (docs/integrators/imports.md).
 * A programme is then built in three phases, each task's commands keeping
 * their order:
 * 1. `beforeReturns`: every command that needs no measurement or return;
 * 2. the file, imported: the measurements and returns of phase 1's time;
 * 3. `afterReturns`: the commands that need the measurements in place, or
 *    would close a measure, an Always Event or a participation to them; and
 *    from a task's first DeclareAimAchieved on (its evidence is the data as it
 *    stood that day), every command of that task, measurements included.
 */
export const RETURN_COMMANDS: ReadonlySet<string> = new Set(['RecordMeasurement', 'SubmitMonthlyReturn']);

export const AFTER_RETURNS: ReadonlySet<string> = new Set([
  'EstablishBaseline',
  'SetBaseline',
  'RecalculateLimits',
  'CorrectMeasurement',
  'AmendMonthlyReturn',
  'RetireMeasure',
  'CloseAlwaysEvent',
  'StopUnit',
  'WithdrawOrganisation',
  'CompleteParticipation',
  'CloseProgramme',
]);

const SPLIT = 'DeclareAimAchieved';
const splits = new WeakMap<readonly PlannedCommand[], number>();

/** Where a task's phase 3 starts regardless of command: its first DeclareAimAchieved. */
function splitOf(task: readonly PlannedCommand[]): number {
  let split = splits.get(task);
  if (split === undefined) {
    split = task.findIndex((command) => command.name === SPLIT);
    if (split < 0) split = task.length;
    splits.set(task, split);
  }
  return split;
}

export const beforeReturns = (
  command: PlannedCommand,
  index: number,
  task: readonly PlannedCommand[],
): boolean => index < splitOf(task) && !RETURN_COMMANDS.has(command.name) && !AFTER_RETURNS.has(command.name);

export const inReturnsFile = (
  command: PlannedCommand,
  index: number,
  task: readonly PlannedCommand[],
): boolean => index < splitOf(task) && RETURN_COMMANDS.has(command.name);

export const afterReturns = (
  command: PlannedCommand,
  index: number,
  task: readonly PlannedCommand[],
): boolean => index >= splitOf(task) || AFTER_RETURNS.has(command.name);

/** Aims declared on the data as it stood: left out when every measurement is imported at once. */
const AIM_OUTCOMES: ReadonlySet<string> = new Set([
  'DeclareAimAchieved',
  'ConfirmSustainment',
  'RecordSustainmentLoss',
]);

/**
 * The other split: every measurement and return in the file, and the
 * commands that judged an aim on the data of their day left out (an aim's
 * evidence is recomputed from every measurement the log then holds). For a
 * larger file than the exact split gives.
 */
export const everyReturn = {
  before: (command: PlannedCommand): boolean =>
    !RETURN_COMMANDS.has(command.name) && !AFTER_RETURNS.has(command.name) && !AIM_OUTCOMES.has(command.name),
  inFile: (command: PlannedCommand): boolean => RETURN_COMMANDS.has(command.name),
  after: (command: PlannedCommand): boolean => AFTER_RETURNS.has(command.name),
};

export type TemplateRow = Partial<Record<ImportColumn, string | number>>;

/** Every measurement and monthly return of the plan, in plan order, as template rows. */
export function* returnRows(
  plan: SimulationPlan,
  inFile: (
    command: PlannedCommand,
    index: number,
    task: readonly PlannedCommand[],
  ) => boolean = inReturnsFile,
): Generator<TemplateRow> {
  const odsOfAlwaysEvent = new Map<string, string>();
  const alwaysEventOfMeasure = new Map<string, string>();
  for (const task of plan.tasks) {
    for (const { name, body } of task.commands()) {
      if (name === 'InitiateAlwaysEvent')
        odsOfAlwaysEvent.set(String(body.alwaysEventId), String(body.odsCode));
      if (name === 'DefineMeasure')
        alwaysEventOfMeasure.set(String(body.measureId), String(body.alwaysEventId));
    }
  }
  for (const task of plan.tasks) {
    const commands = task.commands();
    for (const [index, command] of commands.entries()) {
      if (!inFile(command, index, commands)) continue;
      const { name, body, at } = command;
      if (name === 'SubmitMonthlyReturn') {
        yield {
          record: 'return',
          ods_code: String(body.odsCode),
          always_event_id: (body.alwaysEventIds as string[]).join(';'),
          period: String(body.period),
          submitted_on: String(body.submittedOn),
          measures_reported: Number(body.measuresReported),
        };
      } else if (name === 'RecordMeasurement') {
        const alwaysEventId = alwaysEventOfMeasure.get(String(body.measureId)) as string;
        const counts = body.categoryCounts as Record<string, number> | undefined;
        yield {
          record: 'measurement',
          ods_code: odsOfAlwaysEvent.get(alwaysEventId),
          always_event_id: alwaysEventId,
          measure_id: String(body.measureId),
          unit_id: String(body.unitId),
          period: String(body.period),
          numerator: Number(body.numerator),
          denominator: Number(body.denominator),
          ...(counts
            ? {
                always: counts.always,
                usually: counts.usually,
                sometimes: counts.sometimes,
                never: counts.never,
              }
            : {}),
          reported_on: at.slice(0, 10),
        };
      }
    }
  }
}

const cellsOf = (row: TemplateRow) => Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, row[c] ?? '']));

/** Writes rows as CSV (the service's one CSV writer), a batch of lines at a time. */
export async function writeCsv(path: string, rows: Iterable<TemplateRow>): Promise<number> {
  const out = createWriteStream(path);
  out.write(toCsv([cellsOf({})]).split('\n')[0] + '\n');
  let count = 0;
  let batch: TemplateRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const lines = toCsv(batch.map(cellsOf));
    if (!out.write(lines.slice(lines.indexOf('\n') + 1))) await once(out, 'drain');
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    count++;
    if (batch.length === 1000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');
  return count;
}

/** Writes rows as an XLSX workbook with exceljs's streaming writer: one "Data" sheet, as the template has. */
export async function writeXlsx(path: string, rows: Iterable<TemplateRow>): Promise<number> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow([...IMPORT_COLUMNS]).commit();
  let count = 0;
  for (const row of rows) {
    sheet.addRow(IMPORT_COLUMNS.map((c) => row[c] ?? null)).commit();
    count++;
  }
  sheet.commit();
  await workbook.commit();
  return count;
}
