/** The critical values behind the runs tests: Anhøj (qicharts2) and Perla Table 1 (IHI). */
import { crossingsLimit, longestRunLimit, perlaRunsLimits } from '../../src/analytics';

/**
 * qicharts2 vignette, Appendix 2 "Critical values for longest run and number of crossings"
 * (docs/articles/qicharts2.html, qicharts2 0.8.1): n / longest-run limit / crossings limit.
 */
const APPENDIX_2 = `10/6/2 11/6/2 12/7/3 13/7/3 14/7/4 15/7/4 16/7/4 17/7/5 18/7/5 19/7/6 20/7/6 21/7/6
22/7/7 23/8/7 24/8/8 25/8/8 26/8/8 27/8/9 28/8/9 29/8/10 30/8/10 31/8/11 32/8/11 33/8/11 34/8/12 35/8/12
36/8/13 37/8/13 38/8/14 39/8/14 40/8/14 41/8/15 42/8/15 43/8/16 44/8/16 45/8/17 46/9/17 47/9/17 48/9/18
49/9/18 50/9/19 51/9/19 52/9/20 53/9/20 54/9/21 55/9/21 56/9/21 57/9/22 58/9/22 59/9/23 60/9/23 61/9/24
62/9/24 63/9/25 64/9/25 65/9/25 66/9/26 67/9/26 68/9/27 69/9/27 70/9/28 71/9/28 72/9/29 73/9/29 74/9/29
75/9/30 76/9/30 77/9/31 78/9/31 79/9/32 80/9/32 81/9/33 82/9/33 83/9/34 84/9/34 85/9/34 86/9/35 87/9/35
88/9/36 89/9/36 90/9/37 91/10/37 92/10/38 93/10/38 94/10/39 95/10/39 96/10/39 97/10/40 98/10/40 99/10/41
100/10/41`
  .split(/\s+/)
  .map((row) => row.split('/').map(Number));

describe('Anhøj critical values', () => {
  it.each(APPENDIX_2)(
    'n = %i: longest run limit %i, crossings limit %i (qicharts2 Appendix 2)',
    (n, run, crossings) => {
      expect(longestRunLimit(n)).toBe(run);
      expect(crossingsLimit(n)).toBe(crossings);
    },
  );

  it('crossings limit for long series equals the exact binomial quantile (integer arithmetic, 0.05 lower tail)', () => {
    // Independently computed with Python big integers: smallest c with Σ_{k≤c} C(n−1, k) ≥ 0.05·2^(n−1).
    expect(crossingsLimit(101)).toBe(42);
    expect(crossingsLimit(1000)).toBe(474);
    expect(crossingsLimit(10000)).toBe(4917);
    expect(crossingsLimit(100000)).toBe(49739);
  });

  it('one useful observation has no crossings to expect', () => {
    expect(crossingsLimit(1)).toBe(0);
    expect(longestRunLimit(1)).toBe(3);
  });
});

describe('Perla, Provost & Murray 2011, Table 1', () => {
  it('rows 10–15 as printed in the IHI QI 104 notes [S1a]', () => {
    expect([10, 11, 12, 13, 14, 15].map(perlaRunsLimits)).toEqual([
      { lower: 3, upper: 9 },
      { lower: 3, upper: 10 },
      { lower: 3, upper: 11 },
      { lower: 4, upper: 11 },
      { lower: 4, upper: 12 },
      { lower: 5, upper: 12 },
    ]);
  });

  it('keeps the table’s irregular steps that no n/3, 2n/3 approximation gives', () => {
    expect(perlaRunsLimits(26)).toEqual({ lower: 9, upper: 19 });
    expect(perlaRunsLimits(27)).toEqual({ lower: 10, upper: 19 });
    expect(perlaRunsLimits(55)?.upper).toBe(35);
    expect(perlaRunsLimits(56)?.upper).toBe(35);
    expect(perlaRunsLimits(60)).toEqual({ lower: 24, upper: 38 });
  });

  it('is not evaluated outside 10–60 useful observations', () => {
    expect(perlaRunsLimits(9)).toBeNull();
    expect(perlaRunsLimits(61)).toBeNull();
  });

  it('limits never fall as n grows and always leave room between them', () => {
    for (let n = 11; n <= 60; n++) {
      const [before, now] = [perlaRunsLimits(n - 1), perlaRunsLimits(n)];
      expect(now!.lower).toBeGreaterThanOrEqual(before!.lower);
      expect(now!.upper).toBeGreaterThanOrEqual(before!.upper);
      expect(now!.upper).toBeGreaterThan(now!.lower);
    }
  });
});
