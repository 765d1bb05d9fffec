import type ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
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

/** A CSV record longer than this is refused, as a line no template row comes near. */
const MAX_RECORD_CHARS = 64 * 1024;
/** How much of the file is read and decoded at a time. */
const CHUNK_BYTES = 64 * 1024;

/** Why a CSV file cannot be read as the template's table; the message never quotes the file. */
export class CsvUnreadable extends Error {}

/**
 * The file's text, decoded as its byte-order mark says: UTF-16LE with one,
 * UTF-8 otherwise (the decoder drops either mark). A character split
 * between two reads is decoded whole; bytes that are not UTF-8 become
 * U+FFFD, which the row checks refuse.
 */
async function* decodedText(path: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : 'utf-8');
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder?.decode() ?? '';
  if (rest.length > 0) yield rest;
}

/**
 * The file's records, streamed: Papa Parse (about four times csv-parse's
 * rate on a template file, which is read twice: counted, then imported).
 * The text stops flowing while the reader is behind, so no more than a
 * piece or two of the file waits in memory. A quote left open or text after
 * a closing quote, or a record longer than MAX_RECORD_CHARS, ends the
 * records with CsvUnreadable. Papa reads an unfinished record again with
 * each new piece of text, so a record that never ends is refused as soon as
 * the text past the last whole record is over the limit, not at the end of
 * the file.
 */
async function* csvRecords(path: string): AsyncGenerator<string[]> {
  const ready: string[][] = [];
  let next = 0;
  let finished = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let decoded = 0;
  let recorded = 0;
  const text = Readable.from(
    (async function* () {
      for await (const piece of decodedText(path)) {
        if (decoded - recorded > MAX_RECORD_CHARS + CHUNK_BYTES) {
          failure ??= new CsvUnreadable('a record is too long');
          return;
        }
        decoded += piece.length;
        yield piece;
      }
    })(),
    { highWaterMark: 1 },
  );
  const fail = (error: Error) => {
    failure ??= error;
    text.destroy();
    wake?.();
  };
  Papa.parse<string[]>(text, {
    delimiter: ',',
    // Empty lines are skipped here, not by Papa: a run of them must still move `recorded` on.
    skipEmptyLines: false,
    step(result) {
      if (failure) return;
      const [error] = result.errors;
      if (error) return fail(new CsvUnreadable(error.code));
      if (result.meta.cursor - recorded > MAX_RECORD_CHARS)
        return fail(new CsvUnreadable('a record is too long'));
      recorded = result.meta.cursor;
      if (result.data.length === 1 && result.data[0] === '') return;
      ready.push(result.data);
      if (ready.length - next >= 256 && !text.isPaused()) text.pause();
      wake?.();
    },
    complete() {
      finished = true;
      wake?.();
    },
    error(error: Error) {
      fail(error);
    },
  });
  try {
    for (;;) {
      if (next < ready.length) {
        const record = ready[next++];
        if (next === ready.length) ready.length = next = 0;
        yield record;
        continue;
      }
      if (failure) throw failure;
      if (finished) return;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      if (text.isPaused()) text.resume();
      await woken;
      wake = undefined;
    }
  } finally {
    text.destroy();
  }
}

/** Rows of a CSV file (UTF-8, with or without a byte-order mark, or UTF-16LE with one), streamed. */
export async function* csvRows(path: string): AsyncGenerator<TableRow> {
  let row = 0;
  for await (const cells of csvRecords(path)) yield { row: ++row, cells };
}

/** Counts a CSV file's records without keeping any (for the row limit, before anything is written). */
export async function countCsvRows(path: string): Promise<number> {
  let count = 0;
  for await (const _record of csvRecords(path)) count++;
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
