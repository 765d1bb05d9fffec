import type { CursorList, OrganisationRow } from '../api/programme-types';
import { ENROLMENT_STATUSES, ORGANISATION_TYPES } from '../app/choices';
import { formatDay } from '../app/dates';
import { formatCount, humanise } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { useCursorList } from '../app/use-cursor-list';
import { CohortFilter } from '../components/cohort-filter';
import {
  ChoiceSelect,
  choicesOf,
  ListFilters,
  RegionFilter,
  SelectFilter,
  sortChoices,
} from '../components/list-controls';
import { PagedTable } from '../components/paged-table';
import { Await } from '../components/status';

const LIST = {
  path: '/organisations',
  endpoint: '/v1/organisations',
  params: ['q', 'region', 'type', 'status', 'cohort', 'nhsTrust', 'sort'] as const,
  limit: '25',
};
type Param = (typeof LIST.params)[number];
const SORTS = sortChoices([
  ['name', 'Name (A–Z)'],
  ['-name', 'Name (Z–A)'],
  ['odsCode', 'ODS code'],
  ['region', 'Region'],
  ['type', 'Type'],
  ['status', 'Status'],
  ['-enrolledOn', 'Enrolled, latest first'],
  ['enrolledOn', 'Enrolled, earliest first'],
]);
const NHS_TRUST = [
  { value: 'true', label: 'Yes' },
  { value: 'false', label: 'No' },
];

/** The organisations register with their participation: search, filter, sort, page; each opens its page. */
export function OrganisationsPage({
  query,
  navigate,
}: {
  query: URLSearchParams;
  navigate: (href: string) => void;
}) {
  const { params, pages, go, list, retry } = useCursorList<Param, CursorList<OrganisationRow>>(
    LIST,
    query,
    navigate,
  );
  const link = (ods: string) => hrefOf(`/organisations/${ods}`, sharedParams(query));

  return (
    <>
      <h1>Organisations</h1>
      <ListFilters
        label="Filter organisations"
        search={{
          id: 'organisations-q',
          label: 'Search',
          hint: 'Part of the name, or the ODS code',
          value: params.q,
          onSearch: (q) => go({ q }),
        }}
      >
        <RegionFilter value={params.region} onChange={(region) => go({ region })} />
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
        <SelectFilter
          id="filter-nhs-trust"
          label="NHS trust"
          value={params.nhsTrust}
          choices={NHS_TRUST}
          onChange={(nhsTrust) => go({ nhsTrust })}
        />
        <ChoiceSelect
          id="organisations-sort"
          label="Sort by"
          value={params.sort ?? 'name'}
          choices={SORTS}
          onChange={(sort) => go({ sort })}
        />
      </ListFilters>
      <Await resource={list} retry={retry} what="the organisations">
        {(answer) => (
          <PagedTable
            caption="Organisations at these bounds, with their participation in the programme"
            testId="organisations-table"
            list={answer}
            pages={pages}
            what="organisations"
            rowKey={(row) => row.odsCode}
            columns={[
              { label: 'Organisation', value: (r) => <a href={link(r.odsCode)}>{r.name}</a> },
              { label: 'ODS code', value: (r) => r.odsCode },
              { label: 'Type', value: (r) => humanise(r.type) },
              { label: 'Region', value: (r) => r.region },
              { label: 'Status', value: (r) => humanise(r.status) },
              { label: 'Enrolled', value: (r) => formatDay(r.enrolledOn) },
              { label: 'Cohort', value: (r) => r.cohort ?? '—' },
              { label: 'NHS trust', value: (r) => (r.isNhsTrust ? 'Yes' : 'No') },
              { label: 'Senior support', value: (r) => (r.seniorSupport ? 'Yes' : 'No') },
              { label: 'Monthly returns', value: (r) => formatCount(r.monthlyReturns), numeric: true },
            ]}
          />
        )}
      </Await>
    </>
  );
}
