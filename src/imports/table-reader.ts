import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { excelJs } from '../shared/excel-js';
import type { Cell } from './import-cells';

export type TableFormat = 'csv' | 'xlsx';

/** One line of the table as the user sees it: its row number (the header is row 1) and its cells. */
export interface TableRow {
  row: number;
  cells: Cell[];
}

/**
 * What the file is, from its first bytes (not its name or content type): a
 * zip (XLSX), or text (CSV). Anything else that is plainly binary (a PDF, an
 * image, an old .xls) is neither.
 */
export async function sniffFormat(path: string): Promise<TableFormat | 'binary' | 'utf-16be' | 'empty'> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await file.read(head, 0, 512, 0);
    if (bytesRead === 0) return 'empty';
    const bytes = head.subarray(0, bytesRead);
    if (bytes.readUInt32LE(0) === 0x04034b50) return 'xlsx';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'csv';
    // NUL bytes or control characters other than tab, CR, LF: not text.
    return bytes.some((b) => b === 0 || (b < 0x20 && b !== 9 && b !== 10 && b !== 13)) ? 'binary' : 'csv';
  } finally {
    await file.close();
  }
}

/** Rows of a CSV file (UTF-8, with or without a byte-order mark, or UTF-16LE with one), streamed. */
export async function* csvRows(path: string): AsyncGenerator<TableRow> {
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 64 * 1024 }),
  );
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row++;
    yield { row, cells: record };
  }
}

/** Counts a CSV file's records without keeping any (for the row limit, before anything is written). */
export async function countCsvRows(path: string): Promise<number> {
  let count = 0;
  const parser = createReadStream(path).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 64 * 1024 }),
  );
  for await (const _record of parser as AsyncIterable<unknown>) count++;
  return count;
}

type ExcelValue = ExcelJS.CellValue;

function cellOf(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if ('formula' in value || 'sharedFormula' in value) return { formula: true };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('text' in value) return typeof value.text === 'string' ? value.text : null;
  return null;
}

/**
 * Rows of the first worksheet of an XLSX workbook, streamed by exceljs (its
 * streaming reader: rows are read as the XML is, never the whole sheet).
 * Call inspectXlsx first: it refuses what must not reach the parser.
 */
export async function* xlsxRows(path: string): AsyncGenerator<TableRow> {
  const workbook = new (excelJs().stream.xlsx.WorkbookReader)(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'ignore',
  });
  for await (const worksheet of workbook) {
    const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { id: string | number };
    if (String(sheet.id) !== '1') {
      for await (const _row of sheet) continue;
      continue;
    }
    for await (const row of sheet) {
      const values = row.values as ExcelValue[];
      const cells: Cell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i]));
      yield { row: row.number, cells };
    }
  }
}
