import { useState } from 'preact/hooks';
import type { ProgressScores } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { formatCount, formatNumber } from '../app/format';
import { useResource } from '../app/use-resource';
import {
  alwaysEventProgressOption,
  bandCounts,
  progressDistributionOption,
  SCORE_BANDS,
} from '../charts/progress-options';
import { ChartFigure } from '../components/chart-figure';
import { DataTable } from '../components/data-table';
import { Await } from '../components/status';

/** One Always Event's IHI progress score month by month. */
export function AlwaysEventProgress({ id }: { id: string }) {
  const { api, bounds } = useSession();
  const [report, retry] = useResource(
    () => api.get<ProgressScores>('/v1/evaluation/progress-scores', { ...bounds, alwaysEvent: id }),
    `${id}|${boundsKey(bounds)}`,
  );
  return (
    <section aria-labelledby="progress-heading">
      <h2 id="progress-heading">Progress score</h2>
      <Await resource={report} retry={retry} what="the progress scores">
        {(r) => {
          const scores = r.alwaysEvents[0]?.scores ?? [];
          if (scores.length === 0) return <p>No progress score has been recorded yet.</p>;
          const latest = scores[scores.length - 1];
          return (
            <ChartFigure
              testId="progress-scores"
              title="IHI progress score by month"
              summary={`${scores.length} monthly scores; ${latest.month}: ${formatNumber(latest.score)}`}
              option={alwaysEventProgressOption(scores)}
              size="small"
              table={
                <DataTable
                  caption="Progress score by month"
                  rows={scores}
                  rowKey={(s) => s.month}
                  columns={[
                    { label: 'Month', value: (s) => s.month },
                    { label: 'Score', value: (s) => formatNumber(s.score), numeric: true },
                  ]}
                />
              }
            />
          );
        }}
      </Await>
    </section>
  );
}

/** Programme-wide (or one organisation's) distribution of progress scores by month. */
export function ProgressDistributionSection() {
  const { api, bounds } = useSession();
  const [organisation, setOrganisation] = useState('');
  const [all, retryAll] = useResource(
    () => api.get<ProgressScores>('/v1/evaluation/progress-scores', bounds),
    boundsKey(bounds),
  );
  const [shown, retry] = useResource(
    () =>
      api.get<ProgressScores>('/v1/evaluation/progress-scores', {
        ...bounds,
        organisation: organisation || undefined,
      }),
    `${organisation}|${boundsKey(bounds)}`,
  );
  return (
    <section aria-labelledby="progress-distribution-heading">
      <h2 id="progress-distribution-heading">Progress scores</h2>
      <Await resource={all} retry={retryAll} what="the organisations scored">
        {(everything) => {
          const organisations = new Map(
            everything.alwaysEvents.map((a) => [a.odsCode, a.organisationName ?? a.odsCode]),
          );
          return (
            <div class="field field--inline">
              <label for="progress-organisation">Organisation</label>
              <select
                id="progress-organisation"
                value={organisation}
                onChange={(e) => setOrganisation((e.currentTarget as HTMLSelectElement).value)}
              >
                <option value="">All organisations</option>
                {[...organisations]
                  .sort((a, b) => a[1].localeCompare(b[1]))
                  .map(([code, name]) => (
                    <option key={code} value={code}>
                      {name}
                    </option>
                  ))}
              </select>
            </div>
          );
        }}
      </Await>
      <Await resource={shown} retry={retry} what="the progress scores">
        {(r) => (
          <ChartFigure
            testId="progress-distribution"
            title={`IHI progress scores by month: ${r.organisation ? (r.alwaysEvents[0]?.organisationName ?? r.organisation) : 'all organisations'}`}
            summary={`${formatCount(r.alwaysEvents.length)} Always Events scored over ${formatCount(r.overall.length)} months`}
            option={progressDistributionOption(r)}
            attributes={{ 'data-months': r.overall.length }}
            table={
              <DataTable
                caption="Always Events by score band and month, with the median"
                testId="progress-distribution-table"
                rows={r.overall}
                rowKey={(m) => m.month}
                columns={[
                  { label: 'Month', value: (m) => m.month },
                  ...SCORE_BANDS.map((band, i) => ({
                    label: band.name,
                    value: (m: ProgressScores['overall'][number]) =>
                      formatCount(bandCounts(m.distribution)[i]),
                    numeric: true,
                  })),
                  { label: 'Median', value: (m) => formatNumber(m.median), numeric: true },
                ]}
              />
            }
          />
        )}
      </Await>
    </section>
  );
}
