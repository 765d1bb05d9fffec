import { useState } from 'preact/hooks';
import type { Funnel, FunnelGroup, FunnelPhaseGroup } from '../api/types';
import { formatDay } from '../app/dates';
import { boundsKey, useSession } from '../app/context';
import { formatCount, formatNumber, formatPercent } from '../app/format';
import { useResource } from '../app/use-resource';
import {
  conversionOption,
  funnelOption,
  groupName,
  stageLabel,
  timeToOption,
} from '../charts/evaluation-options';
import { ChartFigure } from '../components/chart-figure';
import { DataTable } from '../components/data-table';
import { Await } from '../components/status';

const HORIZONS = ['90', '180', '365', '730'];

/** Enrolment to sustainment: how many got how far, how fast, overall and by cohort. */
export function FunnelSection() {
  const { api, bounds } = useSession();
  const [funnel, retry] = useResource(
    () => api.get<Funnel>('/v1/evaluation/funnel', bounds),
    boundsKey(bounds),
  );
  return (
    <section aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">From enrolment to sustained change</h2>
      <Await resource={funnel} retry={retry} what="the funnel">
        {(data) => <FunnelFigures funnel={data} />}
      </Await>
    </section>
  );
}

function FunnelFigures({ funnel }: { funnel: Funnel }) {
  const groups = [funnel.overall, ...funnel.byCohort];
  const [chosen, setChosen] = useState(0);
  const group = groups[chosen] ?? funnel.overall;
  const enrolled = funnel.overall.stages[0]?.reached ?? 0;
  return (
    <div class="figures">
      <ChartFigure
        testId="funnel"
        title="Organisations at each stage"
        summary={`${formatCount(enrolled)} organisations enrolled; ${formatCount(funnel.overall.stages.at(-1)?.reached)} sustained their change`}
        option={funnelOption(funnel.overall)}
        table={<StageTable group={funnel.overall} />}
      />
      <ChartFigure
        testId="conversion"
        title="Conversion by cohort"
        summary="Share of each cohort's enrolled organisations that reached each stage"
        option={conversionOption(funnel)}
        table={
          <DataTable
            caption="% of enrolled reaching each stage, by cohort (reached in brackets)"
            rows={groups}
            rowKey={(g) => g.cohortId ?? groupName(g)}
            columns={[{ label: 'Group', value: groupName }, ...stageColumns<FunnelGroup>(funnel)]}
          />
        }
      />
      {funnel.byPhase.length > 0 && <PhaseTable funnel={funnel} />}
      <ChartFigure
        testId="time-to"
        title={`Time to each stage: ${groupName(group)}`}
        summary="Kaplan–Meier cumulative share reaching each stage by days since enrolment; organisations not there yet count until the date"
        option={timeToOption(group)}
        table={
          <DataTable
            caption={`Cumulative % reached within days of enrolment: ${groupName(group)}`}
            rows={group.stages.filter((s) => s.reachedWithinDays !== null)}
            rowKey={(s) => s.stage}
            columns={[
              { label: 'Stage', value: (s) => stageLabel(s.stage) },
              ...HORIZONS.map((h) => ({
                label: `${h} days`,
                value: (s: FunnelGroup['stages'][number]) => formatPercent(s.reachedWithinDays?.[h]),
                numeric: true,
              })),
              { label: 'Median days', value: (s) => formatNumber(s.medianDays), numeric: true },
            ]}
          />
        }
      >
        <div class="field field--inline">
          <label for="time-to-group">Group</label>
          <select
            id="time-to-group"
            value={String(chosen)}
            onChange={(e) => setChosen(Number((e.currentTarget as HTMLSelectElement).value))}
          >
            {groups.map((g, i) => (
              <option key={groupName(g)} value={String(i)}>
                {groupName(g)}
              </option>
            ))}
          </select>
        </div>
      </ChartFigure>
    </div>
  );
}

function StageTable({ group }: { group: FunnelGroup }) {
  return (
    <DataTable
      caption="Organisations reaching each stage"
      testId="funnel-table"
      rows={group.stages}
      rowKey={(s) => s.stage}
      columns={[
        { label: 'Stage', value: (s) => stageLabel(s.stage) },
        { label: 'Reached', value: (s) => formatCount(s.reached), numeric: true },
        { label: '% of previous', value: (s) => formatPercent(s.percentOfPrevious), numeric: true },
        { label: '% of enrolled', value: (s) => formatPercent(s.percentOfEnrolled), numeric: true },
        { label: 'Median days', value: (s) => formatNumber(s.medianDays), numeric: true },
      ]}
    />
  );
}

/** Each phase's organisations, followed to its reporting window (`until`), as the API counts them. */
function PhaseTable({ funnel }: { funnel: Funnel }) {
  return (
    <DataTable
      caption="% of enrolled reaching each stage, by phase, each followed to its reporting window (reached in brackets)"
      testId="funnel-phases"
      rows={funnel.byPhase}
      rowKey={(g) => `${g.programme}/${g.phaseId}`}
      columns={[
        { label: 'Phase', value: (g: FunnelPhaseGroup) => g.phaseName },
        { label: 'Followed to', value: (g: FunnelPhaseGroup) => formatDay(g.until) },
        ...stageColumns<FunnelPhaseGroup>(funnel),
      ]}
    />
  );
}

/** One column per stage: the share of the group's enrolled that reached it, and how many. */
function stageColumns<G extends Pick<FunnelGroup, 'stages'>>(funnel: Funnel) {
  return funnel.overall.stages.map((s, i) => ({
    label: stageLabel(s.stage),
    value: (g: G) =>
      `${formatPercent(g.stages[i]?.percentOfEnrolled)} (${formatCount(g.stages[i]?.reached)})`,
    numeric: true,
  }));
}
