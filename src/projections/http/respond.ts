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

export function toCsv(rows: readonly unknown[]): string {
  const flat = rows.map((row) => flatten(row));
  const columns = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  return stringify(flat, { header: true, columns, cast: { boolean: (b) => String(b) } });
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
