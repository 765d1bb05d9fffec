import {
  consecutivePeriodsAtTarget,
  currentSeries,
  MeasureSeries,
  SeriesPoint,
} from '../../../src/domain/measure';
import { commands, eventsOf, HOME, WARD } from './fixtures';

const periods = (points: SeriesPoint[] | undefined) => (points ?? []).map((p) => p.period);

describe('a measure as a current series', () => {
  const history = eventsOf(
    commands.define(),
    commands.record('2018-01', 8, 10),
    commands.record('2017-12', 7, 10),
    commands.record('2017-11', 5, 10),
    commands.record('2018-01', 3, 4, WARD),
    commands.correct('2017-12', 9, 10),
    commands.retract('2017-11'),
    commands.revise('2018-01', { targetPct: 90 }),
  );
  const series = currentSeries(history) as MeasureSeries;

  it('holds each unit in period order, retracted periods removed', () => {
    expect(periods(series.units[HOME])).toEqual(['2017-12', '2018-01']);
    expect(periods(series.units[WARD])).toEqual(['2018-01']);
  });
  it('applies corrections and marks them', () => {
    expect(series.units[HOME][0]).toEqual({
      period: '2017-12',
      numerator: 9,
      denominator: 10,
      pct: 90,
      categoryCounts: null,
      definitionVersion: 1,
      corrected: true,
    });
  });
  it('places periods in definition phases', () => {
    expect(series.units[HOME].map((p) => p.definitionVersion)).toEqual([1, 2]);
    expect(series.phases).toEqual([
      { definitionVersion: 1, effectiveFromPeriod: null, targetPct: 85 },
      { definitionVersion: 2, effectiveFromPeriod: '2018-01', targetPct: 90 },
    ]);
  });
  it('is undefined for a measure never defined', () => {
    expect(currentSeries([])).toBeUndefined();
  });
});

describe('aim rule: consecutive periods at target', () => {
  const seriesOf = (...points: Array<[string, number, number]>) =>
    currentSeries(
      eventsOf(commands.define({ targetPct: 95 }), ...points.map(([p, n, d]) => commands.record(p, n, d))),
    ) as MeasureSeries;

  it('is achieved by the latest three consecutive periods at or beyond target', () => {
    const evidence = consecutivePeriodsAtTarget(
      seriesOf(['2017-10', 10, 20], ['2017-11', 19, 20], ['2017-12', 20, 20], ['2018-01', 96, 100]),
      HOME,
    );
    expect(evidence).toEqual({
      rule: 'ConsecutivePeriodsAtTarget',
      parameters: {
        requiredPeriods: 3,
        targetPct: 95,
        improvementDirection: 'increase',
        unitId: HOME,
        definitionVersion: 1,
      },
      periods: [
        { period: '2017-11', numerator: 19, denominator: 20, pct: 95 },
        { period: '2017-12', numerator: 20, denominator: 20, pct: 100 },
        { period: '2018-01', numerator: 96, denominator: 100, pct: 96 },
      ],
      achieved: true,
    });
  });
  it('counts a value exactly at target, without floating-point loss', () => {
    const evidence = consecutivePeriodsAtTarget(
      seriesOf(['2017-11', 57, 60], ['2017-12', 57, 60], ['2018-01', 57, 60]),
      HOME,
    );
    expect(evidence.achieved).toBe(true);
  });
  it('is not achieved when the run is shorter than required', () => {
    const evidence = consecutivePeriodsAtTarget(seriesOf(['2017-12', 20, 20], ['2018-01', 20, 20]), HOME);
    expect([evidence.achieved, evidence.periods.length]).toEqual([false, 2]);
  });
  it('takes a stricter requirement as a parameter', () => {
    const evidence = consecutivePeriodsAtTarget(
      seriesOf(['2017-11', 20, 20], ['2017-12', 20, 20], ['2018-01', 20, 20]),
      HOME,
      6,
    );
    expect([evidence.achieved, evidence.parameters.requiredPeriods]).toEqual([false, 6]);
  });
  it('breaks the run at a missing period', () => {
    const evidence = consecutivePeriodsAtTarget(
      seriesOf(['2017-09', 20, 20], ['2017-10', 20, 20], ['2017-12', 20, 20], ['2018-01', 20, 20]),
      HOME,
    );
    expect(evidence.periods.map((p) => p.period)).toEqual(['2017-12', '2018-01']);
  });
  it('breaks the run at a definition revision, and uses the current definition target', () => {
    const series = currentSeries(
      eventsOf(
        commands.define({ targetPct: 95 }),
        commands.record('2017-10', 20, 20),
        commands.record('2017-11', 20, 20),
        commands.record('2017-12', 18, 20),
        commands.record('2018-01', 18, 20),
        commands.revise('2017-12', { targetPct: 90 }),
      ),
    ) as MeasureSeries;
    const evidence = consecutivePeriodsAtTarget(series, HOME);
    expect([
      evidence.parameters.targetPct,
      evidence.parameters.definitionVersion,
      evidence.periods.length,
    ]).toEqual([90, 2, 2]);
  });
  it('reads at-or-beyond as at-or-below for a measure that should decrease', () => {
    const series = currentSeries(
      eventsOf(
        commands.define({ targetPct: 10, improvementDirection: 'decrease' }),
        commands.record('2017-11', 2, 20),
        commands.record('2017-12', 1, 20),
        commands.record('2018-01', 0, 20),
      ),
    ) as MeasureSeries;
    expect(consecutivePeriodsAtTarget(series, HOME).achieved).toBe(true);
  });
  it('is not achieved for a unit without data', () => {
    expect(consecutivePeriodsAtTarget(seriesOf(['2018-01', 20, 20]), WARD)).toMatchObject({
      achieved: false,
      periods: [],
      parameters: { definitionVersion: null },
    });
  });
});
