import type { RegisterRow } from '../api/types';

/** What the register can be narrowed by, as the URL carries it. */
export const FILTERS = ['setting', 'state', 'region', 'organisation'] as const;
export type Filter = (typeof FILTERS)[number];
export type Filters = Partial<Record<Filter, string>>;

export const SORTS = ['organisation', 'setting', 'state', 'agreed', 'score'] as const;
export type Sort = (typeof SORTS)[number];

const valueOf: Record<Filter, (row: RegisterRow) => string | null> = {
  setting: (r) => r.homeUnit.setting,
  state: (r) => r.state,
  region: (r) => r.organisation.regionCode,
  organisation: (r) => r.organisation.odsCode,
};

/** The values a filter can take in these rows, for its choices (only what exists at these bounds). */
export function choicesOf(
  rows: readonly RegisterRow[],
  filter: Filter,
): Array<{ value: string; label: string }> {
  const labels = new Map<string, string>();
  for (const row of rows) {
    const value = valueOf[filter](row);
    if (value === null) continue;
    const label =
      filter === 'region'
        ? `${row.organisation.region ?? value} (${value})`
        : filter === 'organisation'
          ? `${row.organisation.name ?? value} (${value})`
          : value;
    labels.set(value, label);
  }
  return [...labels.entries()]
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function applyFilters(rows: readonly RegisterRow[], filters: Filters): RegisterRow[] {
  return rows.filter((row) => FILTERS.every((f) => !filters[f] || valueOf[f](row) === filters[f]));
}

const sortKey: Record<Sort, (row: RegisterRow) => string | number> = {
  organisation: (r) => `${r.organisation.name ?? ''} ${r.organisation.odsCode}`,
  setting: (r) => r.homeUnit.setting,
  state: (r) => r.state,
  agreed: (r) => r.keyDates.statementAgreed ?? '',
  score: (r) => r.latestProgressScore?.score ?? -1,
};

/** A stable sort: ties keep the register's own order (organisation, then initiation). */
export function sortRows(rows: readonly RegisterRow[], sort: Sort, descending: boolean): RegisterRow[] {
  const key = sortKey[sort];
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const [x, y] = [key(a.row), key(b.row)];
      const order =
        typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (descending ? -order : order) || a.index - b.index;
    })
    .map(({ row }) => row);
}
