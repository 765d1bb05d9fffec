/**
 * Run charts: the IHI rules (Perla, Provost & Murray 2011: shift ≥ 6 skipping points on the
 * median, trend ≥ 5 counting repeated values once, runs against Table 1) and the Anhøj
 * rules (qicharts2: longest run and crossings), on small series whose answers can be counted
 * by hand.
 */
import { computeChart, SpcRequest, SpcResult } from '../../src/analytics';
import { flagged } from './support';

const run = (values: Array<number | null>, rest: Partial<SpcRequest> = {}): SpcResult =>
  computeChart({ chart: 'run', profile: 'ihi', points: values.map((value) => ({ value })), ...rest });

describe('IHI rule 1: shift', () => {
  // Median 5: six points above with one point on the median among them.
  const data = [1, 2, 1, 2, 7, 8, 5, 7, 8, 7, 8, 3, 2, 5, 5];

  it('a point on the median neither adds to nor breaks a shift, and is not flagged', () => {
    const result = run(data);
    expect(result.points[0].centre).toBe(5);
    expect(flagged(result, 'shift')).toEqual([5, 6, 8, 9, 10, 11]);
  });

  it('five points on one side are not a shift', () => {
    expect(flagged(run([1, 2, 1, 2, 7, 8, 5, 7, 8, 7, 3, 2, 5, 5, 1]), 'shift')).toEqual([]);
  });

  it('the MDC convention (a point on the centre line breaks the run) finds no shift in the same data', () => {
    const result = run(data, { overrides: { centreLinePoints: 'break' } });
    expect(flagged(result, 'shift')).toEqual([]);
    expect(result.parameters.centreLinePoints).toBe('break');
  });

  it('is classified by side: above the median is an improvement when higher is better', () => {
    const result = run(data, { improvementDirection: 'increase' });
    expect(result.points[4].variation).toBe('improvement');
    expect(run(data, { improvementDirection: 'decrease' }).points[4].variation).toBe('concern');
  });
});

describe('IHI rule 2: trend', () => {
  it('counts repeated values once: 1 2 2 3 4 5 is a trend of five, flagged over all six points', () => {
    const result = run([9, 1, 2, 2, 3, 4, 5, 0, 9, 0]);
    expect(flagged(result, 'trend')).toEqual([2, 3, 4, 5, 6, 7]);
  });

  it('four rises are needed: 1 2 2 3 4 is four distinct values, no trend', () => {
    expect(flagged(run([9, 1, 2, 2, 3, 4, 0, 9, 0]), 'trend')).toEqual([]);
  });

  it('with MDC ties (a pause breaks) and 6 points the same data has no trend', () => {
    const result = run([9, 1, 2, 2, 3, 4, 5, 0, 9, 0], { overrides: { trendTies: 'break', trendPoints: 6 } });
    expect(flagged(result, 'trend')).toEqual([]);
  });

  it('a trend may cross the median; a peak shared by a rise and a fall belongs to both', () => {
    const result = run([1, 2, 3, 4, 5, 4, 3, 2, 1]);
    expect(result.points[0].centre).toBe(3);
    expect(flagged(result, 'trend')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('IHI rule 3: number of runs against Table 1', () => {
  it('ten alternating points make 10 runs, above the upper limit of 9 for n = 10', () => {
    const result = run([1, 9, 1, 9, 1, 9, 1, 9, 1, 9]);
    expect(result.runs[0]).toMatchObject({
      usefulObservations: 10,
      runs: 10,
      runsLowerLimit: 3,
      runsUpperLimit: 9,
    });
    expect(result.runs[0].signal).toBe(true);
    expect(flagged(result, 'runs')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('two runs of five are below the lower limit of 3', () => {
    const result = run([1, 2, 1, 2, 1, 8, 9, 8, 9, 8]);
    expect(result.runs[0]).toMatchObject({ runs: 2, signal: true });
  });

  it('points on the median are not useful observations and make no run of their own (+ 0 + is one run)', () => {
    const result = run([1, 9, 5, 9, 1, 9, 1, 9, 1, 9, 1, 5]);
    expect(result.points[0].centre).toBe(5);
    expect(result.runs[0]).toMatchObject({ usefulObservations: 10, runs: 9, crossings: 8 });
    expect(result.runs[0].signal).toBe(false);
  });

  it('is not evaluated with fewer than 10 useful observations', () => {
    const result = run([1, 9, 1, 9, 1, 9, 1, 9, 1]);
    expect(result.runs[0].signal).toBeNull();
    expect(result.warnings.map((w) => w.code)).toContain('runs-test-not-evaluated');
  });

  it('is not Rule 4: an astronomical point is left to human judgement', () => {
    const result = run([1, 2, 1, 2, 1, 2, 1000, 2, 1, 2, 1, 2]);
    expect(result.points[6].rules).toEqual([]);
  });
});

describe('Anhøj rules on a run chart (profile qic)', () => {
  const qic = (values: number[]) =>
    computeChart({ chart: 'run', profile: 'qic', points: values.map((value) => ({ value })) });

  it('a run longer than round(log2 n) + 3 is a shift; its points are flagged', () => {
    // 16 useful points around a median of 5: limit round(log2 16) + 3 = 7; the eight 8s run for 8.
    const result = qic([1, 2, 1, 0, 8, 8, 8, 8, 8, 8, 8, 8, 2, 1, 0, 2]);
    expect(result.points[0].centre).toBe(5);
    expect(result.runs[0]).toMatchObject({ usefulObservations: 16, longestRun: 8, longestRunLimit: 7 });
    expect(result.runs[0].signal).toBe(true);
    expect(flagged(result, 'shift')).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('too few crossings flag the runs rule on every useful point of the phase', () => {
    // 14 useful points, 7 below then 7 above: 1 crossing, limit qbinom(0.05, 13, 0.5) = 4.
    const result = qic([1, 2, 1, 2, 1, 2, 1, 8, 9, 8, 9, 8, 9, 8]);
    expect(result.runs[0]).toMatchObject({
      crossings: 1,
      crossingsLimit: 4,
      longestRun: 7,
      longestRunLimit: 7,
    });
    expect(result.runs[0].signal).toBe(true);
    expect(flagged(result, 'runs')).toHaveLength(14);
    expect(flagged(result, 'shift')).toEqual([]);
  });

  it('equality with a limit is not a signal', () => {
    const result = qic([1, 9, 1, 9, 1, 2, 1, 2, 1, 2, 1, 9, 9, 9, 9, 9, 9, 9]);
    expect(result.runs[0]).toMatchObject({
      longestRun: 7,
      longestRunLimit: 7,
      crossings: 5,
      crossingsLimit: 5,
    });
    expect(result.runs[0].signal).toBe(false);
  });
});
