import { computeChart } from '../../src/analytics';
import {
  chartMarks,
  ChartImageData,
  MDC_POINT_FILLS,
  renderSpcChartSvg,
  spcChartLayout,
  svgToPng,
} from '../../src/chart-images';
import { placeLabels } from '../../src/chart-images/label-lanes';

const BEFORE = [45, 55, 40, 50, 35, 60, 45, 50, 40, 55, 45, 50];
const AFTER = [95, 100, 95, 90, 100, 95, 100, 95, 90, 100, 95, 100, 95, 90, 100, 95, 100, 95, 95, 100];
const periods = [...BEFORE, ...AFTER].map((_, i) => `2018-${String(i + 1).padStart(2, '0')}`);

function data(overrides: Partial<ChartImageData> = {}): ChartImageData {
  const chart = computeChart({
    chart: 'xmr',
    profile: 'mdc',
    points: [...BEFORE, ...AFTER].map((value, i) => ({ date: periods[i], value })),
    improvementDirection: 'increase',
    target: 95,
    recalculateAt: [13],
    phaseBaselinePoints: [12, null],
    valueRange: { lower: 0, upper: 100 },
  });
  return {
    name: 'Requests met within 5 minutes',
    unitId: 'home',
    frequency: 'Monthly',
    chart,
    definitionPhases: [{ definitionVersion: 1, effectiveFromPeriod: null, targetPct: 95 }],
    limitDecisions: [
      {
        kind: 'baseline',
        period: periods[11],
        n: 12,
        reason: 'Twelve months before',
        decidedAt: '2019-01-10',
      },
      {
        kind: 'recalculation',
        period: periods[12],
        n: 13,
        reason: 'Phone trolley adopted',
        decidedAt: '2019-02-10',
      },
    ],
    annotations: [
      { n: 12, period: periods[11], text: 'Adopted: a ward phone on a trolley', pdsaCycleId: null },
    ],
    pdsaStarts: [10, 11, 12].map((n, i) => ({
      n,
      period: periods[n - 1],
      pdsaCycleId: `p${i}`,
      cycleNumber: i + 1,
      startedOn: '',
    })),
    ...overrides,
  };
}

describe('SPC chart images in Making Data Count style', () => {
  it('draws every point, filled with MDC’s colour for its variation', () => {
    const input = data();
    const svg = renderSpcChartSvg(input);
    const circles = [
      ...svg.matchAll(/<circle [^>]*fill="([^"]+)"[^>]*data-n="(\d+)" data-variation="([^"]+)"/g),
    ];
    expect(circles.map((c) => Number(c[2]))).toEqual(input.chart?.points.map((p) => p.n));
    for (const [, fill, , variation] of circles) {
      expect(fill).toBe(MDC_POINT_FILLS[variation as keyof typeof MDC_POINT_FILLS]);
    }
    expect(circles.map((c) => c[3])).toEqual(input.chart?.points.map((p) => p.variation));
  });

  it('labels the phase break with its reason, the baseline, PDSA starts and notes', () => {
    const marks = chartMarks(data());
    expect(marks.map((m) => [m.kind, m.label])).toEqual([
      ['pdsa', 'PDSA 1'],
      ['pdsa', 'PDSA 2'],
      ['pdsa', 'PDSA 3'],
      ['note', 'Note 1: Adopted: a ward phone on a trolley'],
      ['phase-break', 'Recalculated: Phone trolley adopted'],
      ['baseline', 'Baseline to 2018-12'],
    ]);
    const svg = renderSpcChartSvg(data());
    expect(svg).toContain('Recalculated: Phone trolley adopted');
    expect(svg).toContain('data-icon="variation"');
    expect(svg).toContain('data-icon="assurance"');
  });

  it('places crowded labels without any two overlapping, each line below its own label', () => {
    const layout = spcChartLayout(data());
    const boxes = layout.labels;
    expect(boxes).toHaveLength(6);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.lane !== b.lane || a.left + a.width <= b.left || b.left + b.width <= a.left;
        expect({ a: a.text, b: b.text, apart }).toEqual({ a: a.text, b: b.text, apart: true });
      }
      expect(a.top + a.fontSize).toBeLessThan(layout.plot.top);
    }
  });

  it('keeps every label within the image and shortens only what has no room', () => {
    const placed = placeLabels(
      [{ x: 990, text: 'A note that is far too long to sit at the right-hand edge of the chart' }],
      { left: 50, right: 1000 },
      11,
      240,
    );
    expect(placed[0].left + placed[0].width).toBeLessThanOrEqual(1000);
    expect(placed[0].text.endsWith('…')).toBe(true);
    expect(placed[0].full).toContain('far too long');
  });

  it('escapes text: a reason is never markup', () => {
    const svg = renderSpcChartSvg(
      data({
        limitDecisions: [
          {
            kind: 'recalculation',
            period: periods[12],
            n: 13,
            reason: '<script>x</script> & co',
            decidedAt: '',
          },
        ],
      }),
    );
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
  });

  it('draws a chart with no measurements yet, and renders it as PNG', () => {
    const svg = renderSpcChartSvg(data({ chart: null, limitDecisions: [], annotations: [], pdsaStarts: [] }));
    expect(svg).toContain('No measurements yet');
    const png = svgToPng(svg, { scale: 1 });
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(960);
  });
});
