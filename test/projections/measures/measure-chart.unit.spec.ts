import { foldProjection } from '../../../src/projections/runner/projection';
import { measureChart, periodContaining } from '../../../src/projections/measures/measure-chart';
import { measuresProjection } from '../../../src/projections/measures/measures.projection';
import { recorded } from '../support/recorded';

const M = 'm-1';
const AE = 'ae-1';
const subject = { measureId: M, alwaysEventId: AE };

function defined() {
  return recorded(`measure-${M}`, 'MeasureDefined', {
    ...subject,
    programmeSlug: 'always-events-england',
    odsCode: 'RA1',
    role: 'Outcome',
    name: 'Involved in planning my care',
    operationalDefinition: 'Patients answering Always',
    numeratorDefinition: 'Always',
    denominatorDefinition: 'All answers',
    dataSource: 'PatientSurvey',
    responseScale: null,
    countsAsSuccess: null,
    frequency: 'Monthly',
    targetPct: 90,
    improvementDirection: 'increase',
    definitionVersion: 1,
    definedAt: '2017-01-01T00:00:00Z',
  });
}

const measured = (
  type: string,
  unitId: string,
  period: string,
  numerator: number,
  extra: Record<string, unknown> = {},
) =>
  recorded(`measure-${M}`, type, {
    ...subject,
    unitId,
    period,
    periodStart: `${period}-01`,
    numerator,
    denominator: 20,
    categoryCounts: null,
    definitionVersion: 1,
    ...extra,
  });

describe('measure charts from the measures read model', () => {
  it('places a date in its ISO week or month', () => {
    expect(periodContaining('2018-01-01', 'Weekly')).toBe('2018-W01');
    expect(periodContaining('2016-01-03', 'Weekly')).toBe('2015-W53');
    expect(periodContaining('2017-11-14', 'Weekly')).toBe('2017-W46');
    expect(periodContaining('2017-11-14', 'Monthly')).toBe('2017-11');
  });

  const state = foldProjection(measuresProjection, [
    defined(),
    ...['2017-02', '2017-03', '2017-04', '2017-05', '2017-06'].map((p, i) =>
      measured('MeasurementRecorded', 'ward-1', p, 10 + i),
    ),
    measured('MeasurementCorrected', 'ward-1', '2017-04', 18, {
      previous: { numerator: 12, denominator: 20 },
      reason: 'late returns',
    }),
    measured('MeasurementRetracted', 'ward-1', '2017-05', 13, { reason: 'wrong ward' }),
    measured('MeasurementRecorded', 'ward-2', '2017-02', 5),
    recorded(`pdsa-p1`, 'PdsaCycleStarted', {
      pdsaCycleId: 'p1',
      alwaysEventId: AE,
      changeIdeaId: 'c1',
      cycleNumber: 1,
      startedAt: '2017-03-15T10:00:00Z',
    }),
    recorded(`measure-${M}`, 'ChartAnnotated', {
      ...subject,
      annotationId: 'a1',
      period: '2017-06',
      unitId: null,
      text: 'New discharge checklist',
      pdsaCycleId: null,
      changeIdeaId: null,
    }),
  ]);

  it('charts one unit with corrections applied and retractions removed, marking PDSA starts and annotations', () => {
    const outcome = measureChart(state, M, { profile: 'ihi', unitId: 'ward-1' });
    if (outcome.kind !== 'chart') throw new Error(outcome.kind);
    const chart = outcome.body.chart;
    expect(chart?.chart).toBe('run');
    // 10/20, 11/20, 18/20 (corrected from 12), 14/20 — May was retracted.
    expect(chart?.points.map((p) => p.date)).toEqual(['2017-02', '2017-03', '2017-04', '2017-06']);
    expect(chart?.points.map((p) => p.y)).toEqual([50, 55, 90, 70].map((v) => expect.closeTo(v, 10)));
    expect(outcome.body.pdsaStarts).toEqual([
      { n: 2, period: '2017-03', pdsaCycleId: 'p1', cycleNumber: 1, startedOn: '2017-03-15' },
    ]);
    expect(outcome.body.annotations).toEqual([
      { n: 4, period: '2017-06', text: 'New discharge checklist', pdsaCycleId: null },
    ]);
    expect(outcome.body.targetPct).toBe(90);
  });

  it('asks which unit when there are several, and says which exist', () => {
    expect(measureChart(state, M, { profile: 'mdc' })).toEqual({
      kind: 'unit-required',
      units: ['ward-1', 'ward-2'],
    });
    expect(measureChart(state, M, { profile: 'mdc', unitId: 'ward-9' })).toEqual({
      kind: 'unknown-unit',
      units: ['ward-1', 'ward-2'],
    });
    expect(measureChart(state, 'nope', { profile: 'mdc' })).toEqual({ kind: 'not-found' });
  });

  it('uses each profile’s usual chart: XmR for the NHS profiles, p (as percentages) for qicharts2', () => {
    const mdc = measureChart(state, M, { profile: 'mdc', unitId: 'ward-1' });
    const qic = measureChart(state, M, { profile: 'qic', unitId: 'ward-1' });
    if (mdc.kind !== 'chart' || qic.kind !== 'chart') throw new Error('no chart');
    expect(mdc.body.chart?.chart).toBe('xmr');
    expect(qic.body.chart?.chart).toBe('p');
    expect(qic.body.chart?.points[2].y).toBeCloseTo(90, 10);
  });
});
