import type { Worklist, WorklistRule } from '../api/programme-types';
import { WORKLIST_RULE_NAMES } from '../app/choices';
import { formatDay } from '../app/dates';
import { formatCount } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { useCursorList } from '../app/use-cursor-list';
import { DataTable } from '../components/data-table';
import { ChoiceSelect, ListFilters, SelectFilter } from '../components/list-controls';
import { PagedTable } from '../components/paged-table';
import { Await } from '../components/status';

const LIST = {
  path: '/worklist',
  endpoint: '/v1/worklist',
  params: ['rule', 'q', 'window'] as const,
  limit: '50',
};
type Param = (typeof LIST.params)[number];
const RULES = Object.entries(WORKLIST_RULE_NAMES) as Array<[WorklistRule, string]>;
const WINDOWS = [
  { value: 'programme', label: 'To the end of reporting' },
  { value: 'none', label: 'To the date, past it' },
];

/** What needs chasing on the as-of date, each item with the rule that raised it and since when. */
export function WorklistPage({
  query,
  navigate,
}: {
  query: URLSearchParams;
  navigate: (href: string) => void;
}) {
  const { params, pages, go, list, retry } = useCursorList<Param, Worklist>(LIST, query, navigate);
  const shared = sharedParams(query);

  return (
    <>
      <h1>Worklist</h1>
      <ListFilters
        label="Filter the worklist"
        search={{
          id: 'worklist-q',
          label: 'Search',
          hint: 'Organisation name or ODS code',
          value: params.q,
          onSearch: (q) => go({ q }),
        }}
      >
        <SelectFilter
          id="filter-rule"
          label="Rule"
          value={params.rule}
          choices={RULES.map(([value, label]) => ({ value, label }))}
          onChange={(rule) => go({ rule })}
        />
        <ChoiceSelect
          id="filter-window"
          label="Reporting window"
          value={params.window ?? 'programme'}
          choices={WINDOWS}
          onChange={(value) => go({ window: value === 'none' ? 'none' : undefined })}
        />
      </ListFilters>
      <Await resource={list} retry={retry} what="the worklist">
        {(answer) => (
          <>
            <h2>On {formatDay(answer.date)}</h2>
            {answer.window.applied && answer.window.endsOn && answer.window.endsOn < answer.date && (
              <p class="hint">
                The programme's reporting ended on {formatDay(answer.window.endsOn)}: nothing is raised after
                it.
              </p>
            )}
            <DataTable
              caption="Open items by rule (before the rule filter and search)"
              testId="worklist-counts"
              rows={RULES}
              rowKey={([rule]) => rule}
              columns={[
                {
                  label: 'Rule',
                  value: ([rule, label]) => (
                    <a href={hrefOf('/worklist', { ...shared, ...params, rule })}>{label}</a>
                  ),
                },
                { label: 'Open items', value: ([rule]) => formatCount(answer.counts[rule]), numeric: true },
              ]}
            />
            <PagedTable
              caption="Items to chase, longest open first"
              testId="worklist-items"
              list={answer}
              pages={pages}
              what="items"
              rowKey={(item) => item.itemId}
              columns={[
                { label: 'Rule', value: (i) => WORKLIST_RULE_NAMES[i.rule] ?? i.rule },
                {
                  label: 'Organisation',
                  value: (i) => <a href={hrefOf(`/organisations/${i.odsCode}`, shared)}>{i.organisation}</a>,
                },
                {
                  label: 'About',
                  value: (i) =>
                    i.alwaysEventId ? (
                      <a href={hrefOf(`/always-events/${i.alwaysEventId}`, shared)}>Always Event</a>
                    ) : (
                      (i.period ?? '—')
                    ),
                },
                { label: 'Since', value: (i) => formatDay(i.since) },
                { label: 'Detail', value: (i) => i.detail },
              ]}
            />
          </>
        )}
      </Await>
    </>
  );
}
