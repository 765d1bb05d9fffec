import type { MeasureChart, SpcPoint, Variation } from '../api/types';
import { baseOption, categoryAxis, valueAxis } from './base-option';
import type { ChartOption } from './echarts-setup';
import { INK, REFERENCE_COLOURS, SPC_LINE_COLOURS, VARIATION_COLOURS } from './palette';

/** Shapes say the variation again, for anyone who cannot tell the colours apart. */
export const VARIATION_SYMBOLS: Record<Variation, string> = {
  improvement: 'triangle',
  concern: 'diamond',
  neither: 'rect',
  'common-cause': 'circle',
};

export const VARIATION_LABELS: Record<Variation, string> = {
  improvement: 'Special cause: improvement',
  concern: 'Special cause: concern',
  neither: 'Special cause: neither better nor worse',
  'common-cause': 'Common cause',
};

/** Points that signal special cause: any variation but common cause, on a point with a value. */
export const isSpecialCause = (point: SpcPoint): boolean =>
  point.y !== null && point.variation !== 'common-cause';

export const pointLabel = (point: SpcPoint): string => point.date ?? `#${point.n}`;

type Line = 'centre' | 'upper' | 'lower' | 'upperTwoSigma' | 'lowerTwoSigma';

const LINES: Array<{ key: Line; name: string; colour: string; dash: 'solid' | 'dashed' | 'dotted' }> = [
  { key: 'centre', name: 'Centre line', colour: SPC_LINE_COLOURS.centre, dash: 'solid' },
  { key: 'upper', name: 'Process limits', colour: SPC_LINE_COLOURS.limit, dash: 'dashed' },
  { key: 'lower', name: 'Process limits', colour: SPC_LINE_COLOURS.limit, dash: 'dashed' },
  { key: 'upperTwoSigma', name: 'Two-sigma lines', colour: SPC_LINE_COLOURS.twoSigma, dash: 'dotted' },
  { key: 'lowerTwoSigma', name: 'Two-sigma lines', colour: SPC_LINE_COLOURS.twoSigma, dash: 'dotted' },
];

/**
 * One series per line and phase: a recalculation starts new lines, which
 * must not be joined to the old ones. A line the profile does not draw
 * (two-sigma on a run chart, say) has no values and is left out.
 */
function lineSeries(points: readonly SpcPoint[]): object[] {
  const phases = [...new Set(points.map((p) => p.phase))];
  return LINES.flatMap((line) =>
    phases.flatMap((phase) => {
      const data = points.map((p) => (p.phase === phase ? p[line.key] : null));
      if (data.every((v) => v === null)) return [];
      return [
        {
          name: line.name,
          type: 'line',
          data,
          color: line.colour,
          symbol: 'none',
          silent: true,
          // A p-chart's limits move with each denominator: steps, not slopes.
          step: 'middle',
          lineStyle: { color: line.colour, type: line.dash, width: line.key === 'centre' ? 2 : 1.5 },
          tooltip: { show: false },
        },
      ];
    }),
  );
}

/** Vertical marks: where a phase was recalculated, where PDSA cycles started, where the chart is annotated. */
function events(chart: MeasureChart, points: readonly SpcPoint[]): object[] {
  const at = (n: number): string | undefined => {
    const point = points.find((p) => p.n === n);
    return point && pointLabel(point);
  };
  const marks: object[] = [];
  for (const point of points) {
    const previous = points[points.indexOf(point) - 1];
    if (previous && previous.phase !== point.phase) {
      marks.push({
        xAxis: pointLabel(point),
        label: { formatter: 'Recalculated', position: 'insideEndTop' },
        lineStyle: { color: INK, type: 'solid', width: 1 },
      });
    }
  }
  for (const start of chart.pdsaStarts) {
    const x = start.n === null ? undefined : at(start.n);
    if (x !== undefined)
      marks.push({
        xAxis: x,
        label: { formatter: `PDSA ${start.cycleNumber}`, position: 'insideEndBottom' },
        lineStyle: { color: REFERENCE_COLOURS.marker, type: 'dashed', width: 1.5 },
      });
  }
  chart.annotations.forEach((note, i) => {
    const x = note.n === null ? undefined : at(note.n);
    if (x !== undefined)
      marks.push({
        xAxis: x,
        label: { formatter: `Note ${i + 1}`, position: 'insideMiddleTop' },
        lineStyle: { color: REFERENCE_COLOURS.marker, type: 'dotted', width: 1.5 },
      });
  });
  return marks;
}

export function spcOption(chart: MeasureChart): ChartOption {
  const result = chart.chart;
  const points = result?.points ?? [];
  const target = result?.parameters.target ?? null;
  const marks = events(chart, points);
  if (target !== null) {
    marks.push({
      yAxis: target,
      label: { formatter: `Target ${target}`, position: 'insideStartTop' },
      lineStyle: { color: REFERENCE_COLOURS.target, type: 'dashed', width: 2 },
    });
  }
  return baseOption({
    legend: {
      top: 0,
      data: ['Value', ...new Set(lineSeries(points).map((s) => (s as { name: string }).name))],
    },
    xAxis: categoryAxis(points.map(pointLabel)),
    // Measures are numerators over denominators: every chart but c and u plots them as a percentage.
    yAxis: valueAxis(result?.chart === 'c' || result?.chart === 'u' ? '' : '%', { scale: true }),
    series: [
      {
        name: 'Value',
        type: 'line',
        color: INK,
        lineStyle: { color: INK, width: 1.5 },
        symbolSize: 10,
        z: 3,
        data: points.map((p) => ({
          value: p.y,
          symbol: p.excluded ? 'emptyCircle' : VARIATION_SYMBOLS[p.variation],
          itemStyle: { color: VARIATION_COLOURS[p.variation], borderColor: VARIATION_COLOURS[p.variation] },
        })),
        markLine: { symbol: 'none', silent: true, data: marks },
      },
      ...lineSeries(points),
    ],
  });
}
