import type { MeasureChart } from '../../web/src/api/types';
import { isSpecialCause } from '../../web/src/charts/spc-labels';
import { VARIATION_FILLS } from '../../web/src/charts/palette';
import { renderSpcChartSvg } from '../../src/chart-images/spc-chart-svg';

describe('the SPC chart the dashboard draws (the service’s renderer)', () => {
  const point = (n: number, y: number | null, variation: string, phase = 1) => ({
    n,
    date: `2018-0${n}`,
    y,
    centre: 50,
    lower: 40,
    upper: 60,
    lowerTwoSigma: null,
    upperTwoSigma: null,
    movingRange: null,
    excluded: false,
    phase,
    rules: [],
    variation,
  });
  const chart = {
    measureId: 'm',
    name: 'Measure',
    unitId: 'home',
    frequency: 'Monthly',
    definitionPhases: [{ definitionVersion: 1, effectiveFromPeriod: null, targetPct: 55 }],
    limitDecisions: [
      { kind: 'recalculation', period: '2018-03', n: 3, reason: 'Form adopted', decidedAt: '2018-04-01' },
    ],
    chart: {
      chart: 'xmr',
      profile: 'mdc',
      parameters: { target: 55 },
      points: [
        point(1, 50, 'common-cause'),
        point(2, 70, 'improvement'),
        point(3, 45, 'concern', 2),
        point(4, null, 'neither', 2),
      ],
      icons: { variation: null, assurance: null },
      warnings: [],
    },
    annotations: [{ n: 3, period: '2018-03', text: 'New form', pdsaCycleId: null }],
    pdsaStarts: [{ n: 2, period: '2018-02', pdsaCycleId: 'c', cycleNumber: 1, startedOn: '2018-02-03' }],
  } as unknown as MeasureChart;
  const svg = renderSpcChartSvg(chart, { title: null, footnotes: false, idPrefix: 't' });

  it('fills each point with MDC’s colour for its variation and counts the special causes the API flagged', () => {
    const fills = [...svg.matchAll(/<circle [^>]*fill="([^"]+)"[^>]*data-n=/g)].map((m) => m[1]);
    expect(fills).toEqual([
      VARIATION_FILLS['common-cause'],
      VARIATION_FILLS.improvement,
      VARIATION_FILLS.concern,
    ]);
    expect(chart.chart?.points.filter(isSpecialCause)).toHaveLength(2);
    // The recalculation (with its reason), the PDSA start and the note.
    expect([...svg.matchAll(/data-label="([^"]+)"/g)].map((m) => m[1])).toEqual([
      'pdsa',
      'phase-break',
      'note',
    ]);
    expect(svg).toContain('Recalculated: Form adopted');
    expect(svg).toContain('data-line="target"');
  });

  it('draws each phase’s lines apart', () => {
    expect([...svg.matchAll(/data-line="centre" data-phase="(\d)"/g)].map((m) => m[1])).toEqual(['1', '2']);
  });
});
