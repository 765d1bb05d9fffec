import { HttpStatus, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { coversOrganisation, Principal } from '../auth/principal';
import { BatchItem, CommandGateway, Submission } from '../commands/command-gateway';
import { FactLookups } from '../commands/fact-lookups';
import { AppConfig } from '../config/app-config';
import { alwaysEventDecider, alwaysEventStreamId } from '../domain/always-event';
import { measureDecider, measureStreamId } from '../domain/measure';
import { withChanges } from '../domain/shared';
import { ProblemException } from '../shared/problem';
import { ImportColumn, isImportColumn, normaliseHeader } from './import-columns';
import type { Cell } from './import-cells';
import { ImportEntry, ImportTotals, problemsOfError } from './import-report';
import {
  annotationIdOf,
  MeasurementRow,
  parseRow,
  ParsedRow,
  ReturnRow,
  RowProblem,
  rowKeys,
} from './import-rows';
import { countCsvRows, csvRows, sniffFormat, TableFormat, TableRow, xlsxRows } from './table-reader';
import { inspectXlsx, XlsxRefused } from './xlsx-container';

/** Rows per batch through the gateway: large enough to amortise a commit, small enough to keep memory flat. */
export const IMPORT_BATCH_ROWS = 2_000;

export interface ImportOptions {
  programmeSlug: string;
  /** The calling system, recorded on every event (default: the principal's, else `import`). */
  sourceSystem?: string;
  /** Called after each batch with rows done and rows in the file. */
  onProgress?(done: number, total: number): void;
}

/** A file accepted for import: its kind, size and identity, checked before any row is read. */
export interface CheckedFile {
  importId: string;
  format: TableFormat;
  sha256: string;
  bytes: number;
  /** Data rows (the header row not counted). */
  rows: number;
  columns: Array<ImportColumn | null>;
}

const refused = (
  status: HttpStatus,
  slug: string,
  title: string,
  detail: string,
  field?: string,
  rule?: string,
) =>
  new ProblemException(
    status,
    slug,
    title,
    detail,
    field && rule ? { errors: [{ field, rule, message: detail }] } : {},
  );

/** What a measurement row's checks need of its measure. */
interface MeasureHome {
  alwaysEventId: string | null;
  odsCode: string | undefined;
  homeUnitId: string | undefined;
}

interface Resolved {
  row: MeasurementRow & { unitId: string };
  streamId: string;
}

/**
 * Imports a CSV or XLSX file of measurements and monthly returns: every row
 * becomes the command the API takes (RecordMeasurement, with AnnotateChart
 * for its note; SubmitMonthlyReturn) and goes through the command gateway
 * with the principal's rights, in batches (CommandGateway.submitBatch).
 * Keys come from each record's identity, so a row imported again, in this
 * file or another, writes nothing and says so. A bad row never stops the
 * others and writes nothing of itself. See docs/integrators/imports.md.
 */
@Injectable()
export class ImportService {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly lookups: FactLookups,
    private readonly config: AppConfig,
  ) {}

  /** File-level checks, before anything is written: a 4xx names what is wrong with the file as a whole. */
  async check(path: string, bytes: number): Promise<CheckedFile> {
    if (bytes > this.config.IMPORT_MAX_BYTES) {
      throw refused(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'import-too-large',
        'Payload too large',
        `The file is larger than ${this.config.IMPORT_MAX_BYTES} bytes: split it`,
      );
    }
    const kind = await sniffFormat(path);
    if (kind === 'empty')
      throw refused(HttpStatus.BAD_REQUEST, 'import-empty', 'Empty file', 'The file is empty');
    if (kind === 'binary' || kind === 'utf-16be') {
      throw refused(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        'import-format',
        'Unsupported file',
        kind === 'binary'
          ? 'The file is neither CSV (UTF-8 text) nor an XLSX workbook'
          : 'The file is UTF-16 big-endian: save it as "CSV UTF-8"',
      );
    }
    let rows: number;
    if (kind === 'xlsx') {
      try {
        rows = (
          await inspectXlsx(path, {
            maxUncompressedBytes: this.config.IMPORT_MAX_INFLATED_BYTES,
            maxRatio: 200,
            maxEntries: 1000,
          })
        ).rows;
      } catch (error) {
        if (!(error instanceof XlsxRefused)) throw error;
        throw refused(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'import-workbook',
          'Workbook refused',
          error.message,
          'file',
          error.rule,
        );
      }
    } else {
      rows = await countCsvRows(path).catch(() => {
        throw refused(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'import-csv',
          'CSV refused',
          'The file is not readable CSV',
          'file',
          'csv-syntax',
        );
      });
    }
    const dataRows = Math.max(0, rows - 1);
    if (dataRows > this.config.IMPORT_MAX_ROWS) {
      throw refused(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'import-too-many-rows',
        'Too many rows',
        `The file has ${dataRows} data rows; at most ${this.config.IMPORT_MAX_ROWS} are imported at once: split it. Nothing was written`,
        'file',
        'max-rows',
      );
    }
    const header = await this.header(path, kind);
    return {
      importId: randomUUID(),
      format: kind,
      sha256: await sha256File(path),
      bytes,
      rows: dataRows,
      columns: header,
    };
  }

  private async header(path: string, format: TableFormat): Promise<Array<ImportColumn | null>> {
    const first = await firstRow(format === 'csv' ? csvRows(path) : xlsxRows(path));
    const names = (first?.cells ?? []).map((cell) => (typeof cell === 'string' ? normaliseHeader(cell) : ''));
    const problems: Array<{ field: string; rule: string; message: string }> = [];
    const seen = new Set<string>();
    const columns = names.map((name, i) => {
      if (name === '') return null;
      if (!isImportColumn(name)) {
        problems.push({
          field: `column ${i + 1}`,
          rule: 'unknown-column',
          message: `Column ${i + 1} is not a template column`,
        });
        return null;
      }
      if (seen.has(name))
        problems.push({ field: name, rule: 'duplicate-column', message: `${name} appears twice` });
      seen.add(name);
      return name;
    });
    for (const name of ['ods_code', 'period'] as const) {
      if (!seen.has(name))
        problems.push({
          field: name,
          rule: 'missing-column',
          message: `The header row has no ${name} column`,
        });
    }
    const measurements = seen.has('measure_id') && seen.has('numerator') && seen.has('denominator');
    const returns = seen.has('submitted_on') && seen.has('measures_reported');
    if (!measurements && !returns) {
      problems.push({
        field: 'header',
        rule: 'missing-column',
        message:
          'The header row needs measure_id, numerator and denominator (measurements), or submitted_on and measures_reported (returns)',
      });
    }
    if (problems.length > 0) {
      throw new ProblemException(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'import-columns',
        'The file’s columns are not the template’s',
        `${problems.map((p) => p.message).join('; ')}. Nothing was written`,
        { errors: problems },
      );
    }
    return columns;
  }

  /** The rows' outcomes, streamed: problems as they are found, one line per row done (all: `every`). */
  async *run(
    principal: Principal,
    path: string,
    file: CheckedFile,
    options: ImportOptions,
    totals: ImportTotals,
  ): AsyncGenerator<ImportEntry> {
    const source = file.format === 'csv' ? csvRows(path) : xlsxRows(path);
    let chunk: TableRow[] = [];
    let header = true;
    for await (const line of source) {
      if (header) {
        header = false;
        continue;
      }
      if (line.cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === '')))
        continue;
      chunk.push(line);
      if (chunk.length >= IMPORT_BATCH_ROWS) {
        yield* this.runChunk(principal, file, chunk, options, totals);
        chunk = [];
      }
    }
    if (chunk.length > 0) yield* this.runChunk(principal, file, chunk, options, totals);
  }

  private async *runChunk(
    principal: Principal,
    file: CheckedFile,
    lines: readonly TableRow[],
    options: ImportOptions,
    totals: ImportTotals,
  ): AsyncGenerator<ImportEntry> {
    const entries = new Map<number, ImportEntry[]>();
    const refuse = (
      row: number,
      record: ImportEntry['record'],
      problems: RowProblem[],
      streamId: string | null,
      failed = false,
    ) =>
      entries.set(row, [
        ...(entries.get(row) ?? []),
        ...problems.map((p) => ({
          row,
          record,
          outcome: failed ? ('failed' as const) : ('refused' as const),
          ...p,
          streamId,
        })),
      ]);
    const parsed: ParsedRow[] = [];
    for (const line of lines) {
      const cells = new Map<ImportColumn, Cell>();
      line.cells.forEach((cell, i) => {
        const column = file.columns[i];
        if (column) cells.set(column, cell);
      });
      const extra = line.cells
        .slice(file.columns.length)
        .some((cell) => cell !== null && String(cell).trim() !== '');
      if (extra) {
        refuse(
          line.row,
          null,
          [{ field: null, rule: 'extra-cells', message: 'The row has values beyond the header’s columns' }],
          null,
        );
        continue;
      }
      const result = parseRow(line.row, cells);
      if (Array.isArray(result)) refuse(line.row, null, result, null);
      else parsed.push(result);
    }

    const items: BatchItem[] = [];
    const itemRows: Array<{ row: ParsedRow; streamId: string | null }> = [];
    const resolved = new Map<number, Resolved>();
    // Nothing is written while a chunk's rows are resolved, so each measure is looked up once for them all.
    const homes = new Map<string, MeasureHome>();
    for (const row of parsed) {
      if (row.kind === 'return') {
        items.push(this.returnItem(file, options, row));
        itemRows.push({ row, streamId: null });
        continue;
      }
      const checked = await this.resolveMeasurement(principal, row, homes);
      if ('problems' in checked) {
        refuse(row.row, 'measurement', checked.problems, null);
        continue;
      }
      resolved.set(row.row, checked);
      items.push(this.measurementItem(file, options, checked.row));
      itemRows.push({ row, streamId: checked.streamId });
    }
    const outcomes = items.length > 0 ? await this.gateway.submitBatch(principal, items) : [];
    const notes: Array<{ item: BatchItem; row: number }> = [];
    const done = new Map<number, ImportEntry>();
    outcomes.forEach((outcome, i) => {
      const { row } = itemRows[i];
      if (!outcome.ok) {
        const { problems, failed } = problemsOfError(outcome.error);
        refuse(row.row, row.kind, problems, itemRows[i].streamId, failed);
        return;
      }
      done.set(row.row, {
        row: row.row,
        record: row.kind,
        outcome: outcome.result.replayed ? 'replayed' : 'written',
        field: null,
        rule: null,
        message: null,
        streamId: outcome.result.streamId,
      });
      const measurement = resolved.get(row.row);
      if (measurement?.row.note)
        notes.push({ item: this.noteItem(file, options, measurement.row), row: row.row });
    });
    // A note is written only once its measurement is: a refused row writes nothing.
    const noteOutcomes =
      notes.length > 0
        ? await this.gateway.submitBatch(
            principal,
            notes.map((n) => n.item),
          )
        : [];
    noteOutcomes.forEach((outcome, i) => {
      if (outcome.ok) return;
      const row = notes[i].row;
      const { problems, failed } = problemsOfError(outcome.error);
      refuse(
        row,
        'measurement',
        problems.map((p) => ({
          ...p,
          field: p.field ?? 'note',
          message: `${p.message} (the note only; the measurement was written)`,
        })),
        null,
        failed,
      );
    });

    for (const line of lines) {
      const problems = entries.get(line.row);
      const entry = done.get(line.row);
      if (!problems && !entry) continue;
      totals.rows++;
      if (problems) {
        if (problems.some((p) => p.outcome === 'failed')) totals.failed++;
        else totals.refused++;
        yield* problems;
      } else if (entry) {
        totals[entry.outcome === 'replayed' ? 'replayed' : 'written']++;
        yield entry;
      }
    }
    options.onProgress?.(totals.rows, file.rows);
  }

  /** The measure, its Always Event and organisation as the row states them; the unit defaults to the home unit. */
  private async resolveMeasurement(
    principal: Principal,
    row: MeasurementRow,
    homes: Map<string, MeasureHome>,
  ): Promise<Resolved | { problems: RowProblem[] }> {
    const streamId = measureStreamId(row.measureId);
    const withUnit = (unitId: string) => ({ row: withChanges(row, { unitId }), streamId });
    let home = homes.get(row.measureId);
    if (!home) homes.set(row.measureId, (home = await this.measureHome(streamId)));
    // An unknown measure is the command's to refuse, with the API's own rule.
    if (home.alwaysEventId === null) return withUnit(row.unitId ?? 'unknown-unit');
    const ods = home.odsCode;
    // Out of the principal's scope: the gateway refuses it, and nothing here may say more.
    if (ods === undefined || !coversOrganisation(principal, ods))
      return withUnit(row.unitId ?? 'unknown-unit');
    const problems: RowProblem[] = [];
    if (ods !== row.odsCode) {
      problems.push({
        field: 'ods_code',
        rule: 'organisation-mismatch',
        message: `The measure belongs to ${ods}, not ${row.odsCode}`,
      });
    }
    if (row.alwaysEventId !== null && row.alwaysEventId !== home.alwaysEventId) {
      problems.push({
        field: 'always_event_id',
        rule: 'always-event-mismatch',
        message: 'The measure belongs to another Always Event',
      });
    }
    if (problems.length > 0) return { problems };
    return withUnit(row.unitId ?? home.homeUnitId ?? 'unknown-unit');
  }

  /** A measure's Always Event, its organisation and home unit, as the store has them now. */
  private async measureHome(streamId: string): Promise<MeasureHome> {
    // Picked, not lent: a lent measure state would be copied, whole series and all, by the batch that folds into it.
    const alwaysEventId = await this.lookups.read(measureDecider, streamId, (m) => m.alwaysEventId);
    if (alwaysEventId === null) return { alwaysEventId, odsCode: undefined, homeUnitId: undefined };
    const { state } = await this.lookups.load(alwaysEventDecider, alwaysEventStreamId(alwaysEventId));
    return { alwaysEventId, odsCode: state.subject?.odsCode, homeUnitId: state.homeUnit?.unitId };
  }

  private submission(file: CheckedFile, options: ImportOptions, key: string, row: number): Submission {
    return {
      idempotencyKey: key,
      idempotencyKeyField: `the key of row ${row}`,
      sourceSystem: options.sourceSystem ?? 'import',
      correlationId: file.importId,
      transport: 'import',
      audit: { importId: file.importId, importFileSha256: file.sha256, importRow: row },
    };
  }

  private measurementItem(
    file: CheckedFile,
    options: ImportOptions,
    row: MeasurementRow & { unitId: string },
  ): BatchItem {
    return {
      name: 'RecordMeasurement',
      body: {
        measureId: row.measureId,
        period: row.period,
        unitId: row.unitId,
        numerator: row.numerator,
        denominator: row.denominator,
        ...(row.categoryCounts ? { categoryCounts: row.categoryCounts } : {}),
        ...(row.reportedOn ? { occurredAt: `${row.reportedOn}T00:00:00.000Z` } : {}),
      },
      submission: this.submission(file, options, rowKeys.measurement(row), row.row),
    };
  }

  private noteItem(
    file: CheckedFile,
    options: ImportOptions,
    row: MeasurementRow & { unitId: string },
  ): BatchItem {
    return {
      name: 'AnnotateChart',
      body: {
        measureId: row.measureId,
        annotationId: annotationIdOf(row),
        period: row.period,
        unitId: row.unitId,
        text: row.note,
        ...(row.reportedOn ? { occurredAt: `${row.reportedOn}T00:00:00.000Z` } : {}),
      },
      submission: this.submission(file, options, rowKeys.note(row), row.row),
    };
  }

  private returnItem(file: CheckedFile, options: ImportOptions, row: ReturnRow): BatchItem {
    return {
      name: 'SubmitMonthlyReturn',
      body: {
        programmeSlug: options.programmeSlug,
        odsCode: row.odsCode,
        period: row.period,
        alwaysEventIds: row.alwaysEventIds,
        measuresReported: row.measuresReported,
        submittedOn: row.submittedOn,
      },
      submission: this.submission(file, options, rowKeys.return(options.programmeSlug, row), row.row),
    };
  }
}

async function firstRow(rows: AsyncGenerator<TableRow>): Promise<TableRow | undefined> {
  try {
    for await (const row of rows) return row;
    return undefined;
  } finally {
    await rows.return(undefined);
  }
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}
