import type { Worklist, WorklistRule } from '../api/programme-types';
import { useSession } from '../app/context';
import { WORKLIST_RULE_NAMES } from '../app/choices';
import { formatDay } from '../app/dates';
import { formatCount } from '../app/format';
import { hrefOf, sharedParams } from '../app/route';
import { useListQuery } from '../app/use-list-query';
import { useResource } from '../app/use-resource';
import { DataTable } from '../components/data-table';
import { SearchBox, SelectFilter } from '../components/list-controls';
import { Pager } from '../components/pager';
import { Await } from '../components/status';

const PAGE = 50;
const PARAMS = ['rule', 'q', 'window'] as const;
const RULES = Object.entries(WORKLIST_RULE_NAMES) as Array<[WorklistRule, string]>;

/** What needs chasing on the as-of date, each item with the rule that raised it and since when. */
export function WorklistPage({
  query,
  navigate,
}: {
  query: URLSearchParams;
  navigate: (href: string) => void;
}) {
  const { api } = useSession();
  const { params, pages, request, key, go } = useListQuery('/worklist', PARAMS, query, navigate);
  const [worklist, retry] = useResource(
    () => api.get<Worklist>('/v1/worklist', { ...request, limit: String(PAGE) }),
    key,
  );
  const shared = sharedParams(query);

  return (
    <>
      <h1>Worklist</h1>
      <div class="filters">
        <SearchBox
          id="worklist-q"
          label="Search"
          hint="Organisation name or ODS code"
          value={params.q}
          onSearch={(q) => go({ q })}
        />
        <form class="filters-selects" aria-label="Filter the worklist" onSubmit={(e) => e.preventDefault()}>
          <SelectFilter
            id="filter-rule"
            label="Rule"
            value={params.rule}
            choices={RULES.map(([value, label]) => ({ value, label }))}
            onChange={(rule) => go({ rule })}
          />
          <div class="field">
            <label for="filter-window">Reporting window</label>
            <select
              id="filter-window"
              value={params.window ?? 'programme'}
              onChange={(e) => {
                const value = (e.currentTarget as HTMLSelectElement).value;
                go({ window: value === 'none' ? 'none' : undefined });
              }}
            >
              <option value="programme">To the end of reporting</option>
              <option value="none">To the date, past it</option>
            </select>
          </div>
        </form>
      </div>
      <Await resource={worklist} retry={retry} what="the worklist">
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
            <DataTable
              caption="Items to chase, longest open first"
              testId="worklist-items"
              rows={answer.items}
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
            <Pager pages={pages} info={answer.page} shown={answer.items.length} what="items" />
          </>
        )}
      </Await>
    </>
  );
}
