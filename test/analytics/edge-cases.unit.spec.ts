/**
 * The edge cases the references leave open (docs/analysts/spc-rules.md): points on the centre line, ties, too few points,
 * zero denominators, all-equal values, exclusions and rules crossing a recalculation.
 */
import { computeChart } from '../../src/analytics';
import { flagged, xmr } from './support';

describe('all values equal', () => {
  const same = Array<number>(15).fill(4);

  it('MDC (no screening): the limits sit on the mean and nothing is flagged', () => {
    const result = xmr(same, { improvementDirection: 'increase' });
    expect(result.points.every((p) => p.lower === 4 && p.upper === 4 && p.centre === 4)).toBe(true);
    expect(result.points.every((p) => p.rules.length === 0)).toBe(true);
    expect(result.icons.variation).toBe('common-cause');
  });

  it('ptd and qicharts2 (strict screening drops every zero moving range): limits are undefined', () => {
    for (const profile of ['ptd', 'qic'] as const) {
      const result = xmr(same, { profile });
      expect(result.points.every((p) => p.lower === null && p.upper === null && p.centre === 4)).toBe(true);
      expect(result.averageMovingRange).toBeNull();
      expect(result.points.every((p) => p.rules.length === 0)).toBe(true);
    }
  });

  it('runs analysis: no useful observations, no signal, undefined statistics', () => {
    const result = computeChart({ chart: 'run', profile: 'qic', points: same.map((value) => ({ value })) });
    expect(result.runs[0]).toEqual({
      usefulObservations: 0,
      longestRun: null,
      longestRunLimit: null,
      crossings: null,
      crossingsLimit: null,
      runs: null,
      runsLowerLimit: null,
      runsUpperLimit: null,
      signal: false,
    });
  });
});

describe('points on the centre line (XmR)', () => {
  it('break a shift under MDC: six above, one on the mean, six above is no shift', () => {
    // Mean of the 15 values is exactly 10.
    const values = [11, 11, 11, 11, 11, 11, 10, 11, 11, 11, 11, 11, 11, 1, 7];
    const result = xmr(values, { overrides: { shiftPoints: 7 } });
    expect(result.points[0].centre).toBe(10);
    expect(flagged(result, 'shift')).toEqual([]);
    expect(flagged(xmr(values), 'shift')).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]);
  });
});

describe('too few points', () => {
  it('a single point has a centre but no moving range and no limits', () => {
    const result = xmr([5], { profile: 'ptd' });
    expect(result.points[0]).toMatchObject({
      centre: 5,
      lower: null,
      upper: null,
      movingRange: null,
      rules: [],
    });
  });

  it('MDC with 12 points blanks limits, rules and icons even with obvious signals', () => {
    const result = xmr([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 100], { improvementDirection: 'increase' });
    expect(result.points.every((p) => p.rules.length === 0 && p.upper === null)).toBe(true);
    expect(result.icons).toEqual({ variation: null, assurance: null });
  });
});

describe('zero denominators', () => {
  const ratio = [
    [5, 10],
    [6, 10],
    [0, 0],
    [4, 10],
    [5, 10],
  ].map(([numerator, denominator]) => ({ numerator, denominator }));

  it('P chart: the 0/0 period is undefined, has no limits and adds nothing to p̄', () => {
    const result = computeChart({ chart: 'p', profile: 'qic', points: ratio });
    expect(result.points[2]).toMatchObject({ y: null, lower: null, upper: null, rules: [] });
    expect(result.points[0].centre).toBe(20 / 40);
    // 0.5 lies on p̄, so only 0.6 and 0.4 are useful; the 0/0 period never is.
    expect(result.runs[0].usefulObservations).toBe(2);
    expect(result.warnings.map((w) => w.code)).toContain('undefined-points');
  });

  it('XmR of the proportion: MDC drops the period so the moving range joins its neighbours; ptd leaves a gap', () => {
    const mdc = computeChart({ chart: 'xmr', profile: 'mdc', points: ratio });
    const ptd = computeChart({ chart: 'xmr', profile: 'ptd', points: ratio });
    expect(mdc.points.map((p) => p.movingRange)).toEqual([
      null,
      expect.closeTo(0.1, 15),
      null,
      expect.closeTo(0.2, 15),
      expect.closeTo(0.1, 15),
    ]);
    expect(ptd.points.map((p) => p.movingRange)).toEqual([
      null,
      expect.closeTo(0.1, 15),
      null,
      null,
      expect.closeTo(0.1, 15),
    ]);
    expect(mdc.averageMovingRange).toBeCloseTo(0.4 / 3, 15);
    expect(ptd.averageMovingRange).toBeCloseTo(0.1, 15);
  });
});

describe('exclusions', () => {
  const values = [10, 12, 11, 13, 50, 12, 11, 12, 10, 11, 13, 12, 11, 12];

  it('MDC SQL ghosting: left out of mean and moving ranges (bridged), in no rule, not the icon point', () => {
    const result = xmr(values, { profile: 'mdc-sql', exclude: [5, 14], improvementDirection: 'increase' });
    const kept = values.filter((_, i) => i !== 4 && i !== 13);
    expect(result.points[0].centre).toBeCloseTo(kept.reduce((s, x) => s + x, 0) / kept.length, 12);
    expect(result.points[4]).toMatchObject({
      excluded: true,
      rules: [],
      variation: 'common-cause',
      movingRange: null,
    });
    expect(result.points[5].movingRange).toBe(1);
    expect(result.warnings.map((w) => w.code)).not.toContain('exclusion-not-in-reference');
  });

  it('qicharts2: an excluded point is still tested against the limits', () => {
    const result = xmr(values, { profile: 'qic', exclude: [5] });
    expect(result.points[4].rules).toEqual(['outside-limits']);
  });

  it('a profile whose reference cannot exclude says so', () => {
    expect(xmr(values, { exclude: [5] }).warnings.map((w) => w.code)).toContain('exclusion-not-in-reference');
  });
});

describe('rules and a recalculation', () => {
  // A rise of seven (points 6–12) straddling the recalculation at point 8: five in the new phase.
  const values = [20, 25, 22, 24, 21, 10, 11, 12, 13, 14, 15, 30, 28, 31, 29, 33, 30, 32, 27];

  it('MDC: the trend crosses the recalculation; ptd: it does not', () => {
    const recalculateAt = [8];
    expect(flagged(xmr(values, { recalculateAt }), 'trend')).toEqual([6, 7, 8, 9, 10, 11, 12]);
    expect(
      flagged(xmr(values, { recalculateAt, overrides: { trendCrossesRecalculation: false } }), 'trend'),
    ).toEqual([]);
    expect(
      flagged(xmr(values, { recalculateAt, profile: 'ptd', overrides: { trendPoints: 6 } }), 'trend'),
    ).toEqual([]);
  });

  it('each phase has its own centre line, limits and runs analysis', () => {
    const result = xmr(values, { recalculateAt: [8] });
    expect(result.points.map((p) => p.phase)).toEqual([1, 1, 1, 1, 1, 1, 1, ...Array<number>(12).fill(2)]);
    expect(result.points[0].centre).not.toBe(result.points[7].centre);
    expect(result.runs).toHaveLength(2);
  });
});
