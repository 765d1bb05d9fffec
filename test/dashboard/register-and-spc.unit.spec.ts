import type { MeasureChart } from '../../web/src/api/types';
import type { RegisterRow } from '../../src/projections/evaluation/register-rows';
import { applyFilters, choicesOf, sortRows } from '../../web/src/pages/register-table';
import { isSpecialCause, spcOption } from '../../web/src/charts/spc-option';
import { VARIATION_COLOURS } from '../../web/src/charts/palette';

const row = (ods: string, setting: string, state: string, score: number | null): RegisterRow =>
  ({
    alwaysEventId: `${ods}-${setting}`,
    organisation: { odsCode: ods, name: `Trust ${ods}`, regionCode: 'Y56', region: 'London' },
    homeUnit: { unitId: 'home', name: 'Ward', setting },
    state,
    keyDates: { statementAgreed: null },
    latestProgressScore: score === null ? null : { period: '2018-01', score },
  }) as unknown as RegisterRow;

describe('the register table', () => {
  const rows = [
    row('RB1', 'Maternity', 'Testing', 2),
    row('RA1', 'Children', 'Initiated', null),
    row('RA2', 'Maternity', 'Testing', 4),
  ];

  it('offers only the values present, and filters on them together', () => {
    expect(choicesOf(rows, 'setting').map((c) => c.value)).toEqual(['Children', 'Maternity']);
    expect(choicesOf(rows, 'region')).toEqual([{ value: 'Y56', label: 'London (Y56)' }]);
    expect(
      applyFilters(rows, { setting: 'Maternity', organisation: 'RA2' }).map((r) => r.organisation.odsCode),
    ).toEqual(['RA2']);
  });

  it('sorts either way, keeping the register’s order between ties', () => {
    expect(sortRows(rows, 'score', true).map((r) => r.organisation.odsCode)).toEqual(['RA2', 'RB1', 'RA1']);
    expect(sortRows(rows, 'setting', false).map((r) => r.organisation.odsCode)).toEqual([
      'RA1',
      'RB1',
      'RA2',
    ]);
  });
});

describe('the SPC chart option', () => {
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

  it('colours each point by its variation and counts the special causes the API flagged', () => {
    const option = spcOption(chart) as {
      series: Array<{
        name: string;
        data: Array<{ itemStyle?: { color: string } } | number | null>;
        markLine?: { data: Array<{ xAxis?: string; yAxis?: number }> };
      }>;
    };
    const values = option.series[0];
    expect(values.data.map((d) => (d as { itemStyle: { color: string } }).itemStyle.color)).toEqual([
      VARIATION_COLOURS['common-cause'],
      VARIATION_COLOURS.improvement,
      VARIATION_COLOURS.concern,
      VARIATION_COLOURS.neither,
    ]);
    expect(chart.chart?.points.filter(isSpecialCause)).toHaveLength(2);
    // The recalculation, the PDSA start, the annotation and the target.
    expect(values.markLine?.data.map((m) => m.xAxis ?? m.yAxis)).toEqual([
      '2018-03',
      '2018-02',
      '2018-03',
      55,
    ]);
  });

  it('draws each phase’s lines apart, and no line the profile leaves empty', () => {
    const option = spcOption(chart) as { series: Array<{ name: string; data: Array<number | null> }> };
    const centre = option.series.filter((s) => s.name === 'Centre line');
    expect(centre.map((s) => s.data)).toEqual([
      [50, 50, null, null],
      [null, null, 50, 50],
    ]);
    expect(option.series.some((s) => s.name === 'Two-sigma lines')).toBe(false);
  });
});
