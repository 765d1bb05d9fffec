import type { CursorList, OrganisationRow } from '../api/programme-types';
import { useSession } from '../app/context';
import { ENROLMENT_STATUSES, ORGANISATION_TYPES, REGIONS } from '../app/choices';
import { formatDay } from '../app/dates';
import { formatCount, humanise } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { useListQuery } from '../app/use-list-query';
import { useResource } from '../app/use-resource';
import { DataTable } from '../components/data-table';
import { choicesOf, SearchBox, SelectFilter } from '../components/list-controls';
import { Pager } from '../components/pager';
import { Await } from '../components/status';

const PAGE = 25;
const PARAMS = ['q', 'region', 'type', 'status', 'cohort', 'sort'] as const;
const SORTS = [
  ['name', 'Name (A–Z)'],
  ['-name', 'Name (Z–A)'],
  ['odsCode', 'ODS code'],
  ['region', 'Region'],
  ['type', 'Type'],
  ['status', 'Status'],
  ['-enrolledOn', 'Enrolled, latest first'],
  ['enrolledOn', 'Enrolled, earliest first'],
] as const;

/** The organisations register with their participation: search, filter, sort, page; each opens its page. */
export function OrganisationsPage({
  query,
  navigate,
}: {
  query: URLSearchParams;
  navigate: (href: string) => void;
}) {
  const { api } = useSession();
  const { params, pages, request, key, go } = useListQuery('/organisations', PARAMS, query, navigate);
  const [list, retry] = useResource(
    () => api.get<CursorList<OrganisationRow>>('/v1/organisations', { ...request, limit: String(PAGE) }),
    key,
  );
  const link = (ods: string) => hrefOf(`/organisations/${ods}`, sharedParams(query));

  return (
    <>
      <h1>Organisations</h1>
      <div class="filters">
        <SearchBox
          id="organisations-q"
          label="Search"
          hint="Part of the name, or the ODS code"
          value={params.q}
          onSearch={(q) => go({ q })}
        />
        <form class="filters-selects" aria-label="Filter organisations" onSubmit={(e) => e.preventDefault()}>
          <SelectFilter
            id="filter-region"
            label="Region"
            value={params.region}
            choices={Object.entries(REGIONS).map(([value, name]) => ({ value, label: `${name} (${value})` }))}
            onChange={(region) => go({ region })}
          />
          <SelectFilter
            id="filter-type"
            label="Type"
            value={params.type}
            choices={choicesOf(ORGANISATION_TYPES, humanise)}
            onChange={(type) => go({ type })}
          />
          <SelectFilter
            id="filter-status"
            label="Status"
            value={params.status}
            choices={choicesOf(ENROLMENT_STATUSES, humanise)}
            onChange={(status) => go({ status })}
          />
          <CohortFilter value={params.cohort} onChange={(cohort) => go({ cohort })} />
          <div class="field">
            <label for="organisations-sort">Sort by</label>
            <select
              id="organisations-sort"
              value={params.sort ?? 'name'}
              onChange={(e) => go({ sort: (e.currentTarget as HTMLSelectElement).value })}
            >
              {SORTS.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </form>
      </div>
      <Await resource={list} retry={retry} what="the organisations">
        {(answer) => (
          <>
            <DataTable
              caption="Organisations at these bounds, with their participation in the programme"
              testId="organisations-table"
              rows={answer.items}
              rowKey={(row) => row.odsCode}
              columns={[
                { label: 'Organisation', value: (r) => <a href={link(r.odsCode)}>{r.name}</a> },
                { label: 'ODS code', value: (r) => r.odsCode },
                { label: 'Type', value: (r) => humanise(r.type) },
                { label: 'Region', value: (r) => r.region },
                { label: 'Status', value: (r) => humanise(r.status) },
                { label: 'Enrolled', value: (r) => formatDay(r.enrolledOn) },
                { label: 'Cohort', value: (r) => r.cohort ?? '—' },
                { label: 'Senior support', value: (r) => (r.seniorSupport ? 'Yes' : 'No') },
                { label: 'Monthly returns', value: (r) => formatCount(r.monthlyReturns), numeric: true },
              ]}
            />
            <Pager pages={pages} info={answer.page} shown={answer.items.length} what="organisations" />
          </>
        )}
      </Await>
    </>
  );
}

/** Cohorts are the programme's own slugs: typed, not chosen from a list the API does not give. */
function CohortFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (v: string | undefined) => void;
}) {
  return (
    <div class="field">
      <label for="filter-cohort">Cohort</label>
      <input
        key={value ?? ''}
        id="filter-cohort"
        defaultValue={value ?? ''}
        placeholder="e.g. cohort-1"
        onChange={(e) => onChange((e.currentTarget as HTMLInputElement).value.trim() || undefined)}
      />
    </div>
  );
}
