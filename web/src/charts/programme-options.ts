import type { BreakdownRow, SpreadSummary, TimelineRow } from '../api/types';
import { formatDay } from '../app/dates';
import { baseOption, categoryAxis, valueAxis } from './base-option';
import type { ChartOption } from './echarts-setup';
import { REFERENCE_COLOURS, SERIES_COLOURS } from './palette';

const nextMonth = (month: string): string => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
};

/** The timeline's months, carried on to the deadline's month when it lies ahead, so the deadline shows. */
export function monthsToShow(rows: readonly TimelineRow[], deadline: string | null): string[] {
  const months = rows.map((r) => r.month);
  const last = months.at(-1);
  if (last === undefined || deadline === null) return months;
  const until = deadline.slice(0, 7);
  for (let month = nextMonth(last); month <= until; month = nextMonth(month)) months.push(month);
  return months;
}

/** Cumulative enrolments by month, against the target (a line) and its deadline (a mark). */
export function enrolmentCurveOption(rows: readonly TimelineRow[], summary: SpreadSummary): ChartOption {
  const target = summary.target;
  const months = monthsToShow(rows, target?.deadline ?? null);
  const padded = (pick: (r: TimelineRow) => number) => months.map((_, i) => (rows[i] ? pick(rows[i]) : null));
  const highest = Math.max(target?.threshold ?? 0, ...rows.map((r) => r.enrolled), 1);
  const marks: object[] = [];
  if (target) {
    marks.push({
      name: 'Target',
      yAxis: target.threshold,
      // The target's words sit at the left end of its line, the deadline's at the top of its own: they never meet.
      label: { formatter: `Target ${target.threshold}`, position: 'insideStartTop' },
      lineStyle: { color: REFERENCE_COLOURS.target, type: 'dashed', width: 2 },
    });
    marks.push({
      name: 'Deadline',
      xAxis: target.deadline.slice(0, 7),
      label: { formatter: `Deadline ${formatDay(target.deadline)}`, position: 'insideEndBottom' },
      lineStyle: { color: REFERENCE_COLOURS.deadline, type: 'dotted', width: 2 },
    });
  }
  return baseOption({
    xAxis: categoryAxis(months),
    yAxis: valueAxis('Organisations', { min: 0, max: Math.ceil(highest * 1.1) }),
    series: [
      {
        name: 'Enrolled with senior support',
        type: 'line',
        data: padded((r) => r.enrolledWithSeniorSupport),
        color: SERIES_COLOURS[0],
        symbol: 'circle',
        lineStyle: { width: 3 },
        markLine: { symbol: 'none', silent: true, data: marks },
      },
      {
        name: 'Enrolled',
        type: 'line',
        data: padded((r) => r.enrolled),
        color: SERIES_COLOURS[2],
        symbol: 'triangle',
        lineStyle: { type: 'dashed' },
      },
    ],
  });
}

/** Share of NHS trusts open each month that are enrolled with senior support. */
export function trustShareOption(rows: readonly TimelineRow[]): ChartOption {
  return baseOption({
    legend: { show: false },
    xAxis: categoryAxis(rows.map((r) => r.month)),
    yAxis: valueAxis('% of NHS trusts open', { min: 0, max: 100 }),
    series: [
      {
        name: 'Share of NHS trusts open',
        type: 'line',
        data: rows.map((r) => r.sharePercent),
        color: SERIES_COLOURS[1],
        symbol: 'diamond',
        lineStyle: { width: 3 },
      },
    ],
  });
}

/** Enrolments on the date in each group, all and with senior support, as horizontal bars. */
export function breakdownOption(
  rows: readonly BreakdownRow[],
  label: (row: BreakdownRow) => string,
): ChartOption {
  const ordered = [...rows].reverse();
  return baseOption({
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', confine: true },
    grid: { left: 8, right: 24, top: 40, bottom: 32, containLabel: true },
    xAxis: valueAxis('Organisations', { min: 0, minInterval: 1, nameLocation: 'middle', nameGap: 28 }),
    yAxis: categoryAxis(ordered.map(label), { axisLabel: { width: 140, overflow: 'truncate' } }),
    series: [
      {
        name: 'Enrolled',
        type: 'bar',
        data: ordered.map((r) => r.enrolled),
        color: SERIES_COLOURS[2],
      },
      {
        name: 'With senior support',
        type: 'bar',
        data: ordered.map((r) => r.enrolledWithSeniorSupport),
        color: SERIES_COLOURS[0],
      },
    ],
  });
}
