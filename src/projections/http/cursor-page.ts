import { IsOptional, Matches, MaxLength } from 'class-validator';
import { validationProblem } from '../../shared/problem';
import { ReadModelQuery } from './read-model-query';

/** Cursor-paginated, searchable, sortable lists: `limit`, `cursor` (from the last page), `sort`, `q`. */
export class CursorListQuery extends ReadModelQuery {
  @IsOptional()
  @Matches(/^([1-9]\d{0,2}|1000)$/, { message: 'limit must be an integer from 1 to 1000' })
  limit?: string;

  /** The `page.nextCursor` of the page before. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be a page.nextCursor this list gave' })
  cursor?: string;

  /** Sort key, `-key` for descending; each list names its keys. */
  @IsOptional()
  @Matches(/^-?[a-zA-Z]{1,40}$/, { message: 'sort must be a sort key, with - for descending' })
  sort?: string;

  /** Case-insensitive search in the list's text (names, codes, titles). */
  @IsOptional()
  @MaxLength(100)
  q?: string;
}

export interface CursorPage<T> {
  items: T[];
  page: { limit: number; total: number; nextCursor: string | null; sort: string };
}

const encode = (values: unknown[]): string =>
  Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

function decode(cursor: string): [unknown, string] {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[1] === 'string')
      return parsed as [unknown, string];
  } catch {
    // Refused below.
  }
  throw validationProblem([
    { field: 'cursor', rule: 'cursor', message: 'cursor must be a page.nextCursor this list gave' },
  ]);
}

const compare = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'en');
};

/**
 * One page of `rows` sorted by a key (ties broken by id, so the order is
 * total), after the cursor: the cursor names the last row's key and id, so
 * a page stays right while rows are added elsewhere in the list.
 */
export function cursorPage<T>(
  rows: readonly T[],
  query: CursorListQuery,
  keys: Readonly<Record<string, (row: T) => unknown>>,
  id: (row: T) => string,
  defaultSort: string,
): CursorPage<T> {
  const sort = query.sort ?? defaultSort;
  const descending = sort.startsWith('-');
  const name = descending ? sort.slice(1) : sort;
  const key = keys[name];
  if (!key) {
    throw validationProblem([
      {
        field: 'sort',
        rule: 'sort-key',
        message: `sort must be one of ${Object.keys(keys).join(', ')} (with - for descending)`,
      },
    ]);
  }
  const order = (a: T, b: T) => (descending ? -1 : 1) * compare(key(a), key(b)) || id(a).localeCompare(id(b));
  const sorted = [...rows].sort(order);
  let start = 0;
  if (query.cursor) {
    const [value, lastId] = decode(query.cursor);
    start = sorted.findIndex((row) => {
      const c = (descending ? -1 : 1) * compare(key(row), value);
      return c > 0 || (c === 0 && id(row).localeCompare(lastId) > 0);
    });
    if (start < 0) start = sorted.length;
  }
  const limit = Number(query.limit ?? 50);
  const items = sorted.slice(start, start + limit);
  const last = items[items.length - 1];
  const more = start + limit < sorted.length;
  return {
    items,
    page: {
      limit,
      total: rows.length,
      nextCursor: more && last ? encode([key(last) ?? null, id(last)]) : null,
      sort,
    },
  };
}

/** Whether any of the texts contains the search, case- and accent-insensitively. */
export function matchesSearch(q: string | undefined, ...texts: Array<string | null | undefined>): boolean {
  if (!q) return true;
  const fold = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  const needle = fold(q.trim());
  return texts.some((text) => text !== null && text !== undefined && fold(text).includes(needle));
}
