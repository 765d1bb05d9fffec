import type { AlwaysEventListRow, CursorList } from '../api/programme-types';
import { useSession } from '../app/context';
import { REGISTER_STATES, SETTINGS } from '../app/choices';
import { formatDay } from '../app/dates';
import { formatCount, formatNumber, humanise } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { useListQuery } from '../app/use-list-query';
import { useResource } from '../app/use-resource';
import {
  ChoiceSelect,
  choicesOf,
  ListFilters,
  RegionFilter,
  SelectFilter,
} from '../components/list-controls';
import { Pager } from '../components/pager';
import { Await } from '../components/status';

/** Rows per page: a screenful or two, not the whole register (the first is the default). */
const PAGE_SIZES = ['25', '10', '50', '100'] as const;
const SIZE_CHOICES = [...PAGE_SIZES]
  .sort((a, b) => Number(a) - Number(b))
  .map((size) => ({ value: size, label: size }));

/** The list's own query parameters, as the URL carries them (the API's names). */
const PARAMS = ['region', 'setting', 'state', 'q', 'sort', 'limit'] as const;

const COLUMNS: Array<{ sort: string | null; label: string }> = [
  { sort: 'organisation', label: 'Organisation' },
  { sort: null, label: 'Region' },
  { sort: null, label: 'Setting' },
  { sort: 'state', label: 'State' },
  { sort: null, label: 'Vision statement' },
  { sort: 'initiatedOn', label: 'Initiated' },
  { sort: 'statementAgreedOn', label: 'Statement agreed' },
  { sort: 'progressScore', label: 'Progress score' },
];

interface Register {
  list: CursorList<AlwaysEventListRow>;
  /** Always Events at these bounds before filters and search. */
  all: number;
}

export function RegisterPage({
  query,
  navigate,
}: {
  query: URLSearchParams;
  navigate: (href: string) => void;
}) {
  const { api, bounds } = useSession();
  const { params, pages, request, key, go } = useListQuery('/always-events', PARAMS, query, navigate);
  const [register, retry] = useResource<Register>(async () => {
    const filtered = Boolean(params.region || params.setting || params.state || params.q);
    const [list, whole] = await Promise.all([
      api.get<CursorList<AlwaysEventListRow>>('/v1/always-events', {
        ...request,
        limit: params.limit ?? PAGE_SIZES[0],
      }),
      filtered
        ? api.get<CursorList<AlwaysEventListRow>>('/v1/always-events', { ...bounds, limit: '1' })
        : null,
    ]);
    return { list, all: whole?.page.total ?? list.page.total };
  }, key);
  const sort = params.sort ?? 'organisation';

  return (
    <>
      <h1>Always Events register</h1>
      <ListFilters
        label="Filter the register"
        search={{
          id: 'register-q',
          label: 'Search',
          hint: 'Organisation name or ODS code, vision statement or theme',
          value: params.q,
          onSearch: (q) => go({ q }),
        }}
      >
        <RegionFilter value={params.region} onChange={(region) => go({ region })} />
        <SelectFilter
          id="filter-setting"
          label="Setting"
          value={params.setting}
          choices={choicesOf(SETTINGS, humanise)}
          onChange={(setting) => go({ setting })}
        />
        <SelectFilter
          id="filter-state"
          label="State"
          value={params.state}
          choices={choicesOf(REGISTER_STATES, humanise)}
          onChange={(state) => go({ state })}
        />
        <ChoiceSelect
          id="register-limit"
          label="Rows per page"
          value={params.limit ?? PAGE_SIZES[0]}
          choices={SIZE_CHOICES}
          onChange={(limit) => go({ limit: limit === PAGE_SIZES[0] ? undefined : limit })}
        />
      </ListFilters>
      <Await resource={register} retry={retry} what="the register">
        {({ list, all }) => (
          <>
            <p role="status" data-testid="register-count">
              {formatCount(list.page.total)} of {formatCount(all)} Always Events
            </p>
            <div class="table-scroll" role="region" aria-label="Always Events register" tabIndex={0}>
              <table data-testid="register-table">
                <caption>
                  Always Events at these bounds; open one for its statement, cycles and measures
                </caption>
                <thead>
                  <tr>
                    {COLUMNS.map((column) => (
                      <SortHeader
                        key={column.label}
                        {...column}
                        current={sort}
                        onSort={(s) => go({ sort: s })}
                      />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {list.items.map((row) => (
                    <RegisterLine key={row.alwaysEventId} row={row} query={query} navigate={navigate} />
                  ))}
                </tbody>
              </table>
            </div>
            <Pager pages={pages} info={list.page} shown={list.items.length} what="Always Events" />
          </>
        )}
      </Await>
    </>
  );
}

/** A column the API can sort by: ascending first, then descending (`-key`). */
function SortHeader({
  sort,
  label,
  current,
  onSort,
}: {
  sort: string | null;
  label: string;
  current: string;
  onSort: (sort: string) => void;
}) {
  if (!sort) return <th scope="col">{label}</th>;
  const direction = current === sort ? 'ascending' : current === `-${sort}` ? 'descending' : undefined;
  return (
    <th scope="col" aria-sort={direction}>
      <button
        type="button"
        class="sort"
        onClick={() => onSort(direction === 'ascending' ? `-${sort}` : sort)}
      >
        {label}
        <span aria-hidden="true">
          {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ' ↕'}
        </span>
      </button>
    </th>
  );
}

interface LineProps {
  row: AlwaysEventListRow;
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
        <a href={href}>{row.organisation ?? row.odsCode}</a>
        <span class="hint"> {row.odsCode}</span>
      </td>
      <td>{row.region ?? '—'}</td>
      <td>{humanise(row.setting)}</td>
      <td>{humanise(row.state)}</td>
      <td class="statement">{row.vision ?? <span class="hint">Not agreed yet</span>}</td>
      <td>{formatDay(row.initiatedOn)}</td>
      <td>{formatDay(row.statementAgreedOn)}</td>
      <td class="numeric">{formatNumber(row.latestProgressScore)}</td>
    </tr>
  );
}
