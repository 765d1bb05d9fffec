/** The profile registry: every parameter set, sourced, and listed in every response. */
import {
  computeChart,
  PARAMETER_NAMES,
  PROFILES,
  PROFILE_NAMES,
  resolveParameters,
} from '../../src/analytics';

describe('profiles', () => {
  it.each(PROFILE_NAMES.map((n) => [n]))('%s sets and sources every parameter', (name) => {
    const profile = PROFILES[name];
    expect(Object.keys(profile.parameters).sort()).toEqual([...PARAMETER_NAMES].sort());
    expect(Object.keys(profile.sources).sort()).toEqual([...PARAMETER_NAMES].sort());
    expect(Object.values(profile.sources).every((s) => s.length > 0)).toBe(true);
  });

  it('mdc: MDC Single Chart Tool v5 — 6-point rules, no screening, limits from 13 points', () => {
    expect(PROFILES.mdc.parameters).toMatchObject({
      shiftPoints: 6,
      trendPoints: 6,
      movingRangeScreening: 'none',
      minimumPoints: 13,
      twoOfThree: 'exclude-beyond-limits',
      conflict: 'improvement',
      individualsSigma: 'mr-times-2.66',
    });
  });

  it('mdc-sql: SQL v2.6 — beyond-limit points count for two-of-three; only the trend crosses', () => {
    expect(PROFILES['mdc-sql'].parameters).toMatchObject({
      twoOfThree: 'include-beyond-limits',
      shiftCrossesRecalculation: false,
      trendCrossesRecalculation: true,
      twoOfThreeCrossesRecalculation: false,
      minimumPoints: 13,
    });
  });

  it('ptd: NHSRplotthedots 0.2.2 — 7-point rules, screening on, precedence labels', () => {
    expect(PROFILES.ptd.parameters).toMatchObject({
      shiftPoints: 7,
      trendPoints: 7,
      movingRangeScreening: 'strict',
      conflict: 'ptd-precedence',
      assuranceOnLimit: 'hit-or-miss',
    });
  });

  it('ihi: Perla 2011 — shift 6 skipping the median, trend 5 counting ties once, Table 1', () => {
    expect(PROFILES.ihi.parameters).toMatchObject({
      shiftPoints: 6,
      centreLinePoints: 'skip',
      trendPoints: 5,
      trendTies: 'skip',
      runsTest: 'ihi-table',
      icons: false,
    });
  });

  it('qic: qicharts2 0.8.1 — Anhøj rules, 3·MR̄/1.128, screening on, no trend', () => {
    expect(PROFILES.qic.parameters).toMatchObject({
      shiftRule: 'anhoej',
      runsTest: 'anhoej',
      trendPoints: 0,
      twoOfThree: 'off',
      individualsSigma: 'mr-over-1.128',
      movingRangeScreening: 'strict',
    });
  });

  it('a response lists every parameter used, overrides and request settings included', () => {
    const result = computeChart({
      chart: 'xmr',
      profile: 'mdc',
      points: [{ value: 1 }, { value: 2 }, { value: 4 }],
      improvementDirection: 'decrease',
      target: 2,
      exclude: [2],
      overrides: { shiftPoints: 7 },
    });
    expect(result.parameters).toEqual({
      ...PROFILES.mdc.parameters,
      shiftPoints: 7,
      improvementDirection: 'decrease',
      target: 2,
      baselinePoints: null,
      recalculateAt: [],
      exclude: [2],
      multiply: 1,
    });
    expect(PROFILES.mdc.parameters.shiftPoints).toBe(6);
  });

  it('resolveParameters gives the same list without computing a chart', () => {
    expect(resolveParameters({ chart: 'run', profile: 'ihi', points: [] })).toMatchObject({
      ...PROFILES.ihi.parameters,
      improvementDirection: 'neither',
      multiply: 1,
    });
  });

  it('warns when a profile is asked for a chart its reference does not draw', () => {
    const result = computeChart({ chart: 'p', profile: 'mdc', points: [{ numerator: 1, denominator: 2 }] });
    expect(result.warnings.map((w) => w.code)).toContain('chart-not-in-reference');
  });
});
