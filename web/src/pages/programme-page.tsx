import type { BreakdownRow, SpreadSummary, TimelineRow } from '../api/types';
import { boundsKey, useSession } from '../app/context';
import { formatDay } from '../app/dates';
import { formatCount, formatPercent, humanise } from '../app/format';
import { useResource } from '../app/use-resource';
import { breakdownOption, enrolmentCurveOption, trustShareOption } from '../charts/programme-options';
import { ChartFigure } from '../components/chart-figure';
import { DataTable } from '../components/data-table';
import { Await } from '../components/status';
import { Tile } from '../components/tile';
import { BoardPackSection } from './board-pack-section';

interface Programme {
  summary: SpreadSummary;
  timeline: TimelineRow[];
}

const BREAKDOWNS = [
  ['region', 'By region'],
  ['organisationType', 'By organisation type'],
  ['cohort', 'By cohort'],
  ['setting', 'By setting of their Always Events'],
] as const;

export function ProgrammePage() {
  const { api, bounds } = useSession();
  const [programme, retry] = useResource<Programme>(async () => {
    const [summary, timeline] = await Promise.all([
      api.get<SpreadSummary>('/v1/spread/summary', bounds),
      api.get<{ items: TimelineRow[] }>('/v1/spread/timeline', bounds),
    ]);
    return { summary, timeline: timeline.items };
  }, boundsKey(bounds));

  return (
    <>
      <h1>Programme</h1>
      <BoardPackSection />
      <Await resource={programme} retry={retry} what="the programme's figures">
        {({ summary, timeline }) => (
          <>
            <Headline summary={summary} />
            <section aria-labelledby="spread-heading">
              <h2 id="spread-heading">Spread over time</h2>
              <div class="figures">
                <EnrolmentCurve summary={summary} timeline={timeline} />
                <TrustShare timeline={timeline} />
              </div>
            </section>
          </>
        )}
      </Await>
      <section aria-labelledby="breakdown-heading">
        <h2 id="breakdown-heading">Who is enrolled</h2>
        <div class="figures">
          {BREAKDOWNS.map(([by, title]) => (
            <Breakdown key={by} by={by} title={title} />
          ))}
        </div>
      </section>
    </>
  );
}

function Headline({ summary }: { summary: SpreadSummary }) {
  const { target, nhsTrusts } = summary;
  return (
    <section aria-labelledby="headline-heading">
      <h2 id="headline-heading">On {formatDay(summary.date)}</h2>
      <div class="tiles">
        <Tile
          testId="tile-enrolled-with-senior-support"
          label="Enrolled with senior support"
          value={formatCount(summary.enrolledWithSeniorSupport)}
          detail={`of ${formatCount(summary.enrolled)} organisations enrolled`}
        />
        <Tile
          testId="tile-target"
          label="Target"
          value={target ? formatCount(target.threshold) : 'None set'}
          detail={target ? (summary.targetMet ? 'Met' : 'Not met yet') + ` · ${target.source}` : undefined}
        />
        <Tile
          testId="tile-deadline"
          label="Deadline"
          value={target ? formatDay(target.deadline) : '—'}
          detail={deadlineText(summary.daysToDeadline)}
        />
        <Tile
          testId="tile-trust-share"
          label="NHS trusts open on the date, enrolled with senior support"
          value={formatPercent(nhsTrusts.sharePercent)}
          detail={`${formatCount(nhsTrusts.enrolledWithSeniorSupport)} of ${formatCount(nhsTrusts.openOnDate)} trusts`}
        />
      </div>
    </section>
  );
}

function deadlineText(days: number | null): string | undefined {
  if (days === null) return undefined;
  if (days === 0) return 'Today';
  return days > 0 ? `${formatCount(days)} days to go` : `${formatCount(-days)} days ago`;
}

function EnrolmentCurve({ summary, timeline }: { summary: SpreadSummary; timeline: TimelineRow[] }) {
  const last = timeline.at(-1);
  const words = last
    ? `${formatCount(last.enrolledWithSeniorSupport)} enrolled with senior support by ${formatDay(last.date)}` +
      (summary.target
        ? `, against a target of ${formatCount(summary.target.threshold)} by ${formatDay(summary.target.deadline)}`
        : '')
    : 'No organisation had enrolled by this date';
  return (
    <ChartFigure
      testId="enrolment-curve"
      title="Cumulative enrolment"
      summary={words}
      option={enrolmentCurveOption(timeline, summary)}
      attributes={{ 'data-months': timeline.length }}
      table={
        <DataTable
          caption="Organisations enrolled at the end of each month"
          testId="enrolment-curve-table"
          rows={timeline}
          rowKey={(r) => r.month}
          columns={[
            { label: 'Month', value: (r) => r.month },
            { label: 'Enrolled', value: (r) => formatCount(r.enrolled), numeric: true },
            {
              label: 'With senior support',
              value: (r) => formatCount(r.enrolledWithSeniorSupport),
              numeric: true,
            },
            { label: 'Target', value: (r) => formatCount(r.targetThreshold), numeric: true },
          ]}
        />
      }
    />
  );
}

function TrustShare({ timeline }: { timeline: TimelineRow[] }) {
  const last = timeline.at(-1);
  return (
    <ChartFigure
      testId="trust-share"
      title="Share of NHS trusts"
      summary={
        last
          ? `${formatPercent(last.sharePercent)} of NHS trusts open on ${formatDay(last.date)} were enrolled with senior support`
          : 'No figures before the first enrolment'
      }
      option={trustShareOption(timeline)}
      table={
        <DataTable
          caption="NHS trusts open and enrolled with senior support, by month"
          rows={timeline}
          rowKey={(r) => r.month}
          columns={[
            { label: 'Month', value: (r) => r.month },
            { label: 'NHS trusts open', value: (r) => formatCount(r.nhsTrustsOpen), numeric: true },
            {
              label: 'Enrolled with senior support',
              value: (r) => formatCount(r.nhsTrustsEnrolledWithSeniorSupport),
              numeric: true,
            },
            { label: 'Share', value: (r) => formatPercent(r.sharePercent), numeric: true },
          ]}
        />
      }
    />
  );
}

/** Types and settings come as the API's names (MentalHealthTrust); regions and cohorts with their own labels. */
const groupLabel = (by: string) => (row: BreakdownRow) =>
  by === 'organisationType' || by === 'setting'
    ? row.key === '(none)'
      ? row.label
      : humanise(row.label)
    : row.label;

function Breakdown({ by, title }: { by: string; title: string }) {
  const { api, bounds } = useSession();
  const label = groupLabel(by);
  const [rows, retry] = useResource(
    async () => (await api.get<{ items: BreakdownRow[] }>('/v1/spread/breakdown', { ...bounds, by })).items,
    `${by}|${boundsKey(bounds)}`,
  );
  return (
    <Await resource={rows} retry={retry} what={title.toLowerCase()}>
      {(items) => (
        <ChartFigure
          testId={`breakdown-${by}`}
          title={title}
          size="small"
          summary={
            items.length === 0
              ? 'No organisation enrolled on this date'
              : `${items.length} groups; the largest is ${items[0] ? label(items[0]) : ''} with ${formatCount(items[0]?.enrolled)} enrolled`
          }
          option={breakdownOption(items, label)}
          table={
            <DataTable
              caption={`Enrolled organisations ${title.toLowerCase()}`}
              rows={items}
              rowKey={(r) => r.key}
              columns={[
                { label: 'Group', value: label },
                { label: 'Enrolled', value: (r) => formatCount(r.enrolled), numeric: true },
                {
                  label: 'With senior support',
                  value: (r) => formatCount(r.enrolledWithSeniorSupport),
                  numeric: true,
                },
                { label: 'NHS trusts open', value: (r) => formatCount(r.nhsTrustsOpen), numeric: true },
                { label: 'Share of trusts', value: (r) => formatPercent(r.sharePercent), numeric: true },
              ]}
            />
          }
        />
      )}
    </Await>
  );
}
