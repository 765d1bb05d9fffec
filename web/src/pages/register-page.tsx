import type { Api, Params } from '../api/client';
import type { PageInfo, RegisterRow } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { humanise } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { useResource } from '../app/use-resource';
import { Await } from '../components/status';
import { applyFilters, choicesOf, FILTERS, sortRows, SORTS } from './register-table';
import type { Filter, Filters, Sort } from './register-table';

const PAGE = 1000;

/** Every row of the register at the bounds, page by page. */
export async function wholeRegister(api: Api, bounds: Params): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.get<{ items: RegisterRow[]; page: PageInfo }>('/v1/evaluation/always-events', {
      ...bounds,
      limit: String(PAGE),
      offset: String(offset),
    });
    rows.push(...page.items);
    if (offset + PAGE >= page.page.total) return rows;
  }
}

const FILTER_LABELS: Record<Filter, string> = {
  setting: 'Setting',
  state: 'State',
  region: 'Region',
  organisation: 'Organisation',
};

const COLUMNS: Array<{ sort: Sort | null; label: string }> = [
  { sort: 'organisation', label: 'Organisation' },
  { sort: 'setting', label: 'Setting' },
  { sort: 'state', label: 'State' },
  { sort: null, label: 'Vision statement' },
  { sort: 'agreed', label: 'Statement agreed' },
  { sort: 'score', label: 'Progress score' },
];

export function RegisterPage({
  query,
  navigate,
}: {
  query: URLSearchParams;
  navigate: (href: string) => void;
}) {
  const { api, bounds } = useSession();
  const [register, retry] = useResource(() => wholeRegister(api, bounds), boundsKey(bounds));
  const filters: Filters = Object.fromEntries(FILTERS.map((f) => [f, query.get(f) ?? undefined]));
  const sort = (SORTS as readonly string[]).includes(query.get('sort') ?? '')
    ? (query.get('sort') as Sort)
    : 'organisation';
  const descending = query.get('order') === 'desc';
  const go = (changes: Record<string, string | undefined>) =>
    navigate(
      hrefOf('/always-events', {
        ...sharedParams(query),
        ...filters,
        sort,
        order: descending ? 'desc' : undefined,
        ...changes,
      }),
    );

  return (
    <>
      <h1>Always Events register</h1>
      <Await resource={register} retry={retry} what="the register">
        {(rows) => {
          const shown = sortRows(applyFilters(rows, filters), sort, descending);
          return (
            <>
              <form class="filters" aria-label="Filter the register" onSubmit={(e) => e.preventDefault()}>
                {FILTERS.map((filter) => (
                  <div class="field" key={filter}>
                    <label for={`filter-${filter}`}>{FILTER_LABELS[filter]}</label>
                    <select
                      id={`filter-${filter}`}
                      value={filters[filter] ?? ''}
                      onChange={(e) =>
                        go({ [filter]: (e.currentTarget as HTMLSelectElement).value || undefined })
                      }
                    >
                      <option value="">All</option>
                      {choicesOf(rows, filter).map((c) => (
                        <option key={c.value} value={c.value}>
                          {filter === 'setting' || filter === 'state' ? humanise(c.label) : c.label}
                        </option>
                      ))}
                    </select>
                  </div>
                ))}
              </form>
              <p role="status" data-testid="register-count">
                {shown.length} of {rows.length} Always Events
              </p>
              <div class="table-scroll" role="region" aria-label="Always Events register" tabIndex={0}>
                <table data-testid="register-table">
                  <caption>
                    Always Events at these bounds; open one for its statement, cycles and measures
                  </caption>
                  <thead>
                    <tr>
                      {COLUMNS.map((column) => (
                        <th
                          scope="col"
                          key={column.label}
                          aria-sort={
                            column.sort === sort ? (descending ? 'descending' : 'ascending') : undefined
                          }
                        >
                          {column.sort ? (
                            <button
                              type="button"
                              class="sort"
                              onClick={() =>
                                go({
                                  sort: column.sort ?? undefined,
                                  order: column.sort === sort && !descending ? 'desc' : undefined,
                                })
                              }
                            >
                              {column.label}
                              <span aria-hidden="true">
                                {column.sort === sort ? (descending ? ' ▼' : ' ▲') : ' ↕'}
                              </span>
                            </button>
                          ) : (
                            column.label
                          )}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((row) => (
                      <RegisterLine key={row.alwaysEventId} row={row} query={query} navigate={navigate} />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Await>
    </>
  );
}

interface LineProps {
  row: RegisterRow;
  query: URLSearchParams;
  navigate: (href: string) => void;
}

/** The whole row opens the Always Event's page for a pointer; the organisation's link does for the keyboard. */
function RegisterLine({ row, query, navigate }: LineProps) {
  const href = hrefOf(`/always-events/${row.alwaysEventId}`, sharedParams(query));
  return (
    <tr
      data-testid="register-row"
      class="row-link"
      onClick={(e) => {
        if (!(e.target instanceof HTMLAnchorElement)) navigate(href);
      }}
    >
      <td>
        <a href={href}>{row.organisation.name ?? row.organisation.odsCode}</a>
        <span class="hint"> {row.organisation.odsCode}</span>
      </td>
      <td>{humanise(row.homeUnit.setting)}</td>
      <td>{humanise(row.state)}</td>
      <td class="statement">{row.statement?.visionStatement ?? <span class="hint">Not agreed yet</span>}</td>
      <td>{formatDay(row.keyDates.statementAgreed)}</td>
      <td class="numeric">
        {row.latestProgressScore
          ? `${row.latestProgressScore.score} (${row.latestProgressScore.period})`
          : '—'}
      </td>
    </tr>
  );
}
