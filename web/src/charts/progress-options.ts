import type { ProgressScores } from '../api/types';
import { baseOption, categoryAxis, valueAxis } from './base-option';
import type { ChartOption } from './echarts-setup';
import { REFERENCE_COLOURS, SERIES_COLOURS } from './palette';

/** IHI's scale in four bands, so four colours tell a month's spread at a glance. */
export const SCORE_BANDS = [
  { name: 'Getting started (0.5–2.0)', from: 0.5, to: 2 },
  { name: 'Testing changes (2.5)', from: 2.5, to: 2.5 },
  { name: 'Modest improvement (3.0–3.5)', from: 3, to: 3.5 },
  { name: 'Significant improvement (4.0–5.0)', from: 4, to: 5 },
] as const;

export function bandCounts(distribution: Record<string, number>): number[] {
  return SCORE_BANDS.map((band) =>
    Object.entries(distribution)
      .filter(([score]) => Number(score) >= band.from && Number(score) <= band.to)
      .reduce((sum, [, count]) => sum + count, 0),
  );
}

const thresholds = [
  { yAxis: 3, label: { formatter: 'Modest improvement 3.0', position: 'insideStartTop' } },
  { yAxis: 4, label: { formatter: 'Significant improvement 4.0', position: 'insideStartTop' } },
].map((mark) => ({ ...mark, lineStyle: { color: REFERENCE_COLOURS.marker, type: 'dashed', width: 1.5 } }));

/** One Always Event's monthly progress score, against IHI's 3.0 and 4.0. */
export function alwaysEventProgressOption(
  scores: ReadonlyArray<{ month: string; score: number }>,
): ChartOption {
  return baseOption({
    legend: { show: false },
    xAxis: categoryAxis(scores.map((s) => s.month)),
    yAxis: valueAxis('Progress score', { min: 0, max: 5, interval: 1 }),
    series: [
      {
        name: 'Progress score',
        type: 'line',
        step: 'end',
        color: SERIES_COLOURS[0],
        symbol: 'circle',
        lineStyle: { width: 3 },
        data: scores.map((s) => s.score),
        markLine: { symbol: 'none', silent: true, data: thresholds },
      },
    ],
  });
}

/** Always Events scored each month, stacked by band, with the month's median score on its own axis. */
export function progressDistributionOption(report: ProgressScores): ChartOption {
  const months = report.overall;
  return baseOption({
    legend: { type: 'scroll', top: 0, left: 0, right: 0 },
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText', confine: true },
    xAxis: categoryAxis(months.map((m) => m.month)),
    yAxis: [
      valueAxis('Always Events scored', { min: 0, minInterval: 1 }),
      valueAxis('Median score', { min: 0, max: 5, splitLine: { show: false } }),
    ],
    series: [
      ...SCORE_BANDS.map((band, i) => ({
        name: band.name,
        type: 'bar',
        stack: 'scores',
        color: SERIES_COLOURS[i],
        data: months.map((m) => bandCounts(m.distribution)[i]),
      })),
      {
        name: 'Median score',
        type: 'line',
        yAxisIndex: 1,
        color: SERIES_COLOURS[4],
        symbol: 'diamond',
        lineStyle: { type: 'dashed', width: 2 },
        data: months.map((m) => m.median),
      },
    ],
  });
}
