import { stringify } from 'csv-stringify/sync';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Flattens nested objects to dotted columns (`aim.targetPct`); arrays become JSON text in one cell. */
function flatten(row: unknown, prefix = '', into: Record<string, unknown> = {}): Record<string, unknown> {
  if (row !== null && typeof row === 'object' && !Array.isArray(row)) {
    for (const [key, value] of Object.entries(row)) flatten(value, prefix ? `${prefix}.${key}` : key, into);
  } else {
    into[prefix || 'value'] = Array.isArray(row) ? JSON.stringify(row) : row;
  }
  return into;
}

/** OWASP's list: what a spreadsheet may read as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet would run as a formula (`=HYPERLINK(...)`,
 * `+1+1`, `-2+3`, `@SUM(...)`, or one that starts with a tab or carriage
 * return) gets a leading single quote, which spreadsheets show as text.
 * Numbers are not text: a negative number stays a number (`-5`), since a
 * cell holding only a number runs nothing.
 */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The one CSV writer of the service and the CLI: every text cell, headers
 * included, is neutralised (neutraliseCell); csv-stringify quotes any cell
 * holding a delimiter, quote or line break.
 */
export function toCsv(rows: readonly unknown[]): string {
  const flat = rows.map((row) => flatten(row));
  const keys = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  return stringify(flat, {
    header: true,
    columns: keys.map((key) => ({ key, header: neutraliseCell(key) })),
    cast: { boolean: (b) => String(b), string: neutraliseCell },
  });
}

export const wantsCsv = (request: FastifyRequest): boolean =>
  /\btext\/csv\b/.test(request.headers.accept ?? '');

/**
 * Answers JSON by default, or CSV (same rows, header row first) when the
 * client sends `Accept: text/csv`. `rows` picks what a CSV holds: the list's
 * items, or the one result as a single row.
 */
export function respond<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  body: T,
  rows: (body: T) => readonly unknown[],
): T | string {
  if (!wantsCsv(request)) return body;
  void reply.header('content-type', 'text/csv; charset=utf-8');
  return toCsv(rows(body));
}
