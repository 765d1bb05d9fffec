import type { CoProductionRow, Funnel, FunnelGroup } from '../api/types';
import { humanise } from '../app/format';
import { baseOption, categoryAxis, valueAxis } from './base-option';
import type { ChartOption } from './echarts-setup';
import { INK, REFERENCE_COLOURS, SERIES_COLOURS } from './palette';

const SYMBOLS = ['circle', 'triangle', 'rect', 'diamond', 'pin'] as const;
const DASHES = ['solid', 'dashed', 'dotted', 'solid', 'dashed'] as const;

const STAGES: Record<string, string> = {
  enrolled: 'Enrolled',
  statementAgreed: 'Statement agreed',
  firstPdsaStarted: 'First PDSA cycle started',
  implementing: 'Implementing',
  aimAchieved: 'Aim achieved',
  sustained: 'Sustained',
};

export const stageLabel = (stage: string): string => STAGES[stage] ?? humanise(stage);

/** Organisations reaching each stage, enrolment first. */
export function funnelOption(group: FunnelGroup): ChartOption {
  const stages = [...group.stages].reverse();
  return baseOption({
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', confine: true },
    xAxis: valueAxis('Organisations', { min: 0, minInterval: 1, nameLocation: 'middle', nameGap: 28 }),
    grid: { left: 8, right: 32, top: 16, bottom: 32, containLabel: true },
    yAxis: categoryAxis(stages.map((s) => stageLabel(s.stage))),
    series: [
      {
        name: 'Reached',
        type: 'bar',
        color: SERIES_COLOURS[0],
        data: stages.map((s) => s.reached),
        label: { show: true, position: 'right', formatter: '{c}' },
      },
    ],
  });
}

/**
 * Conversion from enrolment to each stage, for all organisations and each
 * cohort: the groups along the axis and one bar per stage, so colours stand
 * for the five stages (never reused, whatever the number of cohorts) and the
 * legend sits above the plot with room of its own.
 */
export function conversionOption(funnel: Funnel): ChartOption {
  const groups = [funnel.overall, ...funnel.byCohort];
  const stages = funnel.overall.stages.slice(1, 1 + SERIES_COLOURS.length);
  return baseOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', confine: true },
    // A scrolling legend keeps one line on a phone too, so it never runs into the plot.
    legend: { type: 'scroll', top: 0, left: 0, right: 0, textStyle: { color: INK } },
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    xAxis: categoryAxis(groups.map(groupName), { axisLabel: { interval: 0, width: 110, overflow: 'break' } }),
    yAxis: valueAxis('% of enrolled', { min: 0, max: 100 }),
    series: stages.map((stage, i) => ({
      name: stageLabel(stage.stage),
      type: 'bar',
      color: SERIES_COLOURS[i],
      data: groups.map(
        (group) => group.stages.find((s) => s.stage === stage.stage)?.percentOfEnrolled ?? null,
      ),
    })),
  });
}

export const groupName = (group: FunnelGroup): string =>
  group.cohortId === null && group.cohortName === null
    ? 'All organisations'
    : (group.cohortName ?? 'No cohort');

/** Kaplan–Meier cumulative % reaching each stage by days since enrolment (steps, starting at 0). */
export function timeToOption(group: FunnelGroup): ChartOption {
  const stages = group.stages.filter((s) => s.curve !== null);
  return baseOption({
    tooltip: { trigger: 'item', renderMode: 'richText', confine: true },
    xAxis: valueAxis('Days since enrolment', { min: 0, nameLocation: 'middle', nameGap: 28 }),
    yAxis: valueAxis('Cumulative % reached', { min: 0, max: 100 }),
    grid: { left: 8, right: 24, top: 64, bottom: 32, containLabel: true },
    series: stages.map((stage, i) => ({
      name: stageLabel(stage.stage),
      type: 'line',
      step: 'end',
      color: SERIES_COLOURS[i % SERIES_COLOURS.length],
      symbol: SYMBOLS[i % SYMBOLS.length],
      lineStyle: { type: DASHES[i % DASHES.length], width: 2 },
      data: [[0, 0], ...(stage.curve ?? []).map((p) => [p.days, p.cumulativePercent])],
    })),
  });
}

/** A bar's name: the organisation and the unit, never an opaque id. */
export const coProductionLabel = (row: CoProductionRow): string =>
  `${row.organisationName ?? row.odsCode}${row.homeUnitName ? `: ${row.homeUnitName}` : ''}`;

/** Patient and carer share of each co-design team at agreement, against the pioneers' aim of half. */
export function coProductionOption(rows: readonly CoProductionRow[], aimPercent: number): ChartOption {
  const agreed = rows.filter((r) => r.patientCarerSharePercent !== null);
  return baseOption({
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', confine: true },
    xAxis: categoryAxis(agreed.map(coProductionLabel), {
      axisLabel: { interval: 0, rotate: 40, width: 160, overflow: 'truncate' },
    }),
    yAxis: valueAxis('Patients and carers, % of team', { min: 0, max: 100 }),
    series: [
      {
        name: 'Patient and carer share',
        type: 'bar',
        color: SERIES_COLOURS[0],
        data: agreed.map((r) => r.patientCarerSharePercent),
        markLine: {
          symbol: 'none',
          silent: true,
          data: [
            {
              yAxis: aimPercent,
              label: { formatter: `Pioneers' aim ${aimPercent}%`, position: 'insideEndTop' },
              lineStyle: { color: REFERENCE_COLOURS.target, type: 'dashed', width: 2 },
            },
          ],
        },
      },
    ],
  });
}
