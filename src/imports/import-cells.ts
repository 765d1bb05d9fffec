/**
 * Cell values as the readers give them, and their reading as the template's
 * types. A spreadsheet cell may hold text, a number, a date, or a formula;
 * a CSV cell is always text.
 */
export type Cell = string | number | Date | { formula: true } | null;

/** Why a cell could not be read: a rule name and a message that never repeats the cell. */
export class CellProblem extends Error {
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ];
  return i >= 0 && (name.length === 3 || full[i] === name.toLowerCase()) ? i + 1 : undefined;
}

/** Excel's day 0 (its 1900 leap-year bug included: serial 60 is a day that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isBlank(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

function textOf(cell: Cell): string {
  if (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) {
    throw new CellProblem('formula', 'the cell holds a formula: paste its value instead');
  }
  if (typeof cell === 'string' && cell.trimStart().startsWith('=')) {
    throw new CellProblem('formula', 'the cell starts with "=" and would be a formula: give the value');
  }
  if (typeof cell === 'string' && cell.includes('\uFFFD')) {
    throw new CellProblem('utf-8', 'the cell is not valid UTF-8: save the file as "CSV UTF-8"');
  }
  return cell instanceof Date ? cell.toISOString() : String(cell ?? '').trim();
}

/** A checked text cell (identifiers, notes). */
export function readText(cell: Cell): string {
  if (cell instanceof Date) throw new CellProblem('text', 'the cell holds a date where text was expected');
  return textOf(cell);
}

/** A whole number: an integer cell, or digits (an optional minus sign) in text. */
export function readInteger(cell: Cell): number {
  if (typeof cell === 'number') {
    if (Number.isInteger(cell)) return cell;
    throw new CellProblem('integer', 'must be a whole number');
  }
  const text = textOf(cell);
  if (!/^-?\d{1,9}$/.test(text)) throw new CellProblem('integer', 'must be a whole number');
  return Number(text);
}

/**
 * A calendar date in any of three forms: ISO (2019-10-31), British
 * (31/10/2019), or a spreadsheet date (a date cell, or its serial number).
 * American order (10/31/2019) is refused, not guessed.
 */
export function readDate(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell > 0 && cell < 2_958_466) {
      return new Date(EXCEL_EPOCH + cell * 86_400_000).toISOString().slice(0, 10);
    }
    throw new CellProblem('date-format', 'must be a date: 2019-10-31, 31/10/2019 or a date cell');
  }
  const text = textOf(cell);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const british = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const found = iso
    ? isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    : british
      ? isoDate(Number(british[3]), Number(british[2]), Number(british[1]))
      : undefined;
  if (found) return found;
  throw new CellProblem('date-format', 'must be a date: 2019-10-31, 31/10/2019 or a date cell');
}

/**
 * A reporting period: a month (2019-10, 10/2019, Oct 2019, October 2019, or
 * a date cell: its month) or an ISO week (2019-W42).
 */
export function readPeriod(cell: Cell): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 7);
  const text = textOf(cell);
  let match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text) ?? /^(\d{4})-(W(?:0[1-9]|[1-4]\d|5[0-3]))$/.exec(text);
  if (match) return `${match[1]}-${match[2]}`;
  match = /^(0?[1-9]|1[0-2])\/(\d{4})$/.exec(text);
  if (match) return `${match[2]}-${pad(Number(match[1]))}`;
  match = /^([A-Za-z]{3,9})[\s-]+(\d{4})$/.exec(text);
  const month = match ? monthNumber(match[1]) : undefined;
  if (match && month) return `${match[2]}-${pad(month)}`;
  throw new CellProblem(
    'period-format',
    'must be a month (2019-10, 10/2019, Oct 2019) or an ISO week (2019-W42)',
  );
}
