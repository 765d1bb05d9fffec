/**
 * NHSRplotthedots 0.2.2 (github.com/nhs-r-community/NHSRplotthedots, commit 050b07d):
 * its snapshot, vignette and unit-test expectations, reproduced with the profile `ptd`.
 */
import { computeChart, SpcRequest } from '../../src/analytics';
import { assuranceIcon } from '../../src/analytics/summary-icons';
import { flagged, xmr } from './support';

/**
 * tests/testthat/test-ptd_spc_standard.R: `set.seed(123); rnorm(20)`. R's values printed to
 * 8 decimals (the first five also appear in _snaps/ptd_spc_standard.md); the snapshot prints
 * 7 significant digits, so the comparisons below hold to 6 decimals.
 */
const RNORM_SEED_123 = [
  -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774, 1.71506499, 0.46091621, -1.26506123,
  -0.68685285, -0.44566197, 1.2240818, 0.35981383, 0.40077145, 0.11068272, -0.55584113, 1.78691314,
  0.49785048, -1.96661716, 0.7013559, -0.47279141,
];
const ptd = (values: number[], rest: Partial<SpcRequest> = {}) =>
  xmr(values, { profile: 'ptd', improvementDirection: 'increase', ...rest });
const lines = (values: number[], rest: Partial<SpcRequest> = {}) => {
  const [p] = ptd(values, rest).points;
  return [p.centre, p.lower, p.upper] as number[];
};

describe('ptd_spc_standard() snapshot (_snaps/ptd_spc_standard.md)', () => {
  it('r1: mean 0.1416238, lpl −3.01138, upl 3.294627', () => {
    const [centre, lower, upper] = lines(RNORM_SEED_123);
    expect(centre).toBeCloseTo(0.1416238, 6);
    expect(lower).toBeCloseTo(-3.01138, 5);
    expect(upper).toBeCloseTo(3.294627, 6);
  });

  const outlier = RNORM_SEED_123.map((y, i) => (i === 14 ? 10 : y));

  it('r2: y[15] = 10 with screening: mean 0.6694159, lpl −2.383666, upl 3.722497', () => {
    const [centre, lower, upper] = lines(outlier);
    expect(centre).toBeCloseTo(0.6694159, 6);
    expect(lower).toBeCloseTo(-2.383666, 6);
    expect(upper).toBeCloseTo(3.722497, 6);
  });

  it('r3: the same without screening: lpl −4.596625, upl 5.935457 (wider, as the test asserts)', () => {
    const [centre, lower, upper] = lines(outlier, { overrides: { movingRangeScreening: 'none' } });
    expect(centre).toBeCloseTo(0.6694159, 6);
    expect(lower).toBeCloseTo(-4.596625, 6);
    expect(upper).toBeCloseTo(5.935457, 6);
  });

  it('summary snapshots (_snaps/ptd_spc.md): facets of 10 points, 0.0746/−2.60/2.75 and 0.209/−3.28/3.70', () => {
    const first = lines(RNORM_SEED_123.slice(0, 10));
    const second = lines(RNORM_SEED_123.slice(10));
    expect(first.map((x) => Number(x.toPrecision(3)))).toEqual([0.0746, -2.6, 2.75]);
    expect(second.map((x) => Number(x.toPrecision(3)))).toEqual([0.209, -3.28, 3.7]);
    expect(ptd(RNORM_SEED_123).points.every((p) => p.variation === 'common-cause')).toBe(true);
  });
});

describe('vignette "Deviations from Excel defaults": outlier screening', () => {
  const data = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1];

  it('default (screened): UPL 4.6, mean 1.94, LPL −0.72; point 5 special cause improvement', () => {
    const result = ptd(data);
    const [p] = result.points;
    expect([p.upper, p.centre, p.lower].map((x) => Number((x as number).toFixed(2)))).toEqual([
      4.6, 1.94, -0.72,
    ]);
    expect(
      result.points.filter((q) => q.variation !== 'common-cause').map((q) => [q.n, q.variation]),
    ).toEqual([[5, 'improvement']]);
  });

  it('screen_outliers = FALSE "produces the same output as Excel": UPL 6.95, LPL −3.06', () => {
    const [unscreened, excel] = [
      ptd(data, { overrides: { movingRangeScreening: 'none' } }).points[0],
      xmr(data, { profile: 'mdc', overrides: { minimumPoints: 0 } }).points[0],
    ];
    expect([unscreened.upper, unscreened.lower].map((x) => Number((x as number).toFixed(2)))).toEqual([
      6.95, -3.06,
    ]);
    expect([excel.upper, excel.centre, excel.lower]).toEqual([
      unscreened.upper,
      unscreened.centre,
      unscreened.lower,
    ]);
  });
});

describe('test-ptd_calculate_point_type.R expectations, as values', () => {
  it('seven-point trends: 1:7 flags all seven; a pause (1:3, 3:6) flags none; 7:1 falls', () => {
    expect(flagged(ptd([1, 2, 3, 4, 5, 6, 7]), 'trend')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(flagged(ptd([1, 2, 3, 3, 4, 5, 6]), 'trend')).toEqual([]);
    expect(flagged(ptd([2, 1, 2, 3, 4, 5, 6, 7, 3]), 'trend')).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(flagged(ptd([7, 6, 5, 4, 3, 2, 1]), 'trend')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(flagged(ptd([1, 2, 3, 4, 5, 6]), 'trend')).toEqual([]);
  });

  it('seven points one side: six are not enough, eight are flagged throughout', () => {
    const sevenish = (above: number) => [
      ...Array<number>(above).fill(5),
      ...Array<number>(12 - above).fill(0),
    ];
    expect(flagged(ptd([...sevenish(6), 1, 9]), 'shift').filter((n) => n <= 6)).toEqual([]);
    expect(flagged(ptd([...sevenish(8), 1, 9]), 'shift').filter((n) => n <= 8)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
  });

  it('two-in-three needs all three points on one side (test-ptd_spc_standard.R, issue #143)', () => {
    const data = Array.from({ length: 16 }, (_, i): number => (i % 2 === 0 ? 1 : -1));
    data[14] = 5.5;
    data[15] = -5.5;
    const result = ptd(data);
    expect(result.points.slice(-2).map((p) => p.variation)).toEqual(['common-cause', 'common-cause']);
  });
});

describe('ptd precedence: outside limits > trend > two-in-three > shift', () => {
  // Six wide swings, then a 7-point rise and a 7-point fall sharing the peak (point 13);
  // points 10–16 are also a shift above the mean.
  const data = [5, 25, 5, 25, 5, 25, 13, 14, 15, 16, 17, 18, 19, 18, 17, 16, 15, 14, 13];

  it('the shared peak takes the direction of the step after it; the trend outranks the shift', () => {
    const result = ptd(data, { overrides: { minimumPoints: 0 } });
    const variation = (n: number) => result.points[n - 1].variation;
    expect(flagged(result, 'trend')).toEqual([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(flagged(result, 'shift')).toEqual([10, 11, 12, 13, 14, 15, 16]);
    expect([12, 13, 14, 16].map(variation)).toEqual(['improvement', 'concern', 'concern', 'concern']);
  });

  it('where the MDC Excel tool shows improvement for every conflicting point', () => {
    const result = xmr(data, {
      improvementDirection: 'increase',
      overrides: { minimumPoints: 0, trendPoints: 7, shiftPoints: 7 },
    });
    expect([13, 14, 16].map((n) => result.points[n - 1].variation)).toEqual([
      'improvement',
      'improvement',
      'improvement',
    ]);
  });
});

describe('test-ptd_calculate_assurance_type.R', () => {
  const cases: Array<[number, number]> = [
    [1, 3],
    [5, 7],
    [1, 5],
  ];
  it('increase: consistent fail, consistent pass, inconsistent for target 4', () => {
    expect(cases.map(([lpl, upl]) => assuranceIcon(4, lpl, upl, 'increase', 'hit-or-miss'))).toEqual([
      'fail',
      'pass',
      'hit-or-miss',
    ]);
  });
  it('decrease: consistent pass, consistent fail, inconsistent', () => {
    expect(cases.map(([lpl, upl]) => assuranceIcon(4, lpl, upl, 'decrease', 'hit-or-miss'))).toEqual([
      'pass',
      'fail',
      'hit-or-miss',
    ]);
  });
  it('neutral: no assurance icon', () => {
    expect(ptd(RNORM_SEED_123, { improvementDirection: 'neither', target: 0.5 }).icons.assurance).toBeNull();
  });
  it('with a target of 0.5 inside the limits (summary snapshot "summary with a target"): inconsistent', () => {
    expect(ptd(RNORM_SEED_123, { target: 0.5 }).icons.assurance).toBe('hit-or-miss');
  });
});

describe('fix_after_n_points and rebase', () => {
  it('fixing after 12 points changes the limits (test "setting fix_after_n_points changes the calculations")', () => {
    const [free, fixed] = [lines(RNORM_SEED_123), lines(RNORM_SEED_123, { baselinePoints: 12 })];
    expect(fixed[1]).not.toBe(free[1]);
    expect(fixed[2]).not.toBe(free[2]);
    expect(fixed).toEqual(lines(RNORM_SEED_123.slice(0, 12)));
  });

  it('fix_after_n_points applies inside each rebase group (issue #93)', () => {
    const result = ptd(RNORM_SEED_123, { baselinePoints: 5, recalculateAt: [11] });
    expect(result.points[0].centre).toBeCloseTo(lines(RNORM_SEED_123.slice(0, 5))[0], 15);
    expect(result.points[10].centre).toBeCloseTo(lines(RNORM_SEED_123.slice(10, 15))[0], 15);
    expect(result.warnings.map((w) => w.code)).toContain('baseline-too-short');
  });

  it('groups with fewer than 13 points get a short-group warning', () => {
    const codes = ptd(RNORM_SEED_123, { recalculateAt: [11] }).warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'short-phase')).toHaveLength(2);
  });
});

it('a rebase group starts a new moving-range chain (no moving range across the rebase)', () => {
  const result = computeChart({
    chart: 'xmr',
    profile: 'ptd',
    points: [1, 2, 3, 10, 11, 12].map((value) => ({ value })),
    recalculateAt: [4],
  });
  expect(result.points.map((p) => p.movingRange)).toEqual([null, 1, 1, null, 1, 1]);
});
