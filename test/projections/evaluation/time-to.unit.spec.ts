import {
  cumulativePercentAt,
  kaplanMeier,
  median,
  Observation,
} from '../../../src/projections/evaluation/time-to';

const reached = (days: number): Observation => ({ days, reached: true });
const censored = (days: number): Observation => ({ days, reached: false });

describe('time-to statistics', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([])).toBeNull();
    expect(median([40, 10, 30])).toBe(30);
    expect(median([45, 101])).toBe(73);
    expect(median([5, 30, 30, 1])).toBe(17.5);
  });

  it('estimates the cumulative share reached with Kaplan–Meier, keeping the censored at risk until they leave', () => {
    const observations = [reached(1), censored(2), reached(3), reached(3), censored(4), reached(5)];
    // Day 1: 6 at risk, 1 reaches: S = 5/6, 16.67% reached.
    // Day 3: 4 at risk (3, 3, 4, 5), 2 reach: S = 5/6 × 2/4 = 5/12, 58.33% reached.
    // Day 5: 1 at risk, 1 reaches: S = 0, 100%.
    const curve = kaplanMeier(observations);
    expect(curve).toEqual([
      { days: 1, atRisk: 6, reached: 1, cumulativePercent: 16.67 },
      { days: 3, atRisk: 4, reached: 2, cumulativePercent: 58.33 },
      { days: 5, atRisk: 1, reached: 1, cumulativePercent: 100 },
    ]);
    expect(cumulativePercentAt(observations, curve, 0)).toBe(0);
    expect(cumulativePercentAt(observations, curve, 4)).toBe(58.33);
    // Everyone has reached it by day 5, so later horizons stay at 100%.
    expect(cumulativePercentAt(observations, curve, 365)).toBe(100);
  });

  it('counts an organisation censored on a reach day as at risk that day', () => {
    // Day 30: 3 at risk (the two that reach and the one censored then): S = 1/3.
    expect(kaplanMeier([reached(30), reached(30), censored(30)])).toEqual([
      { days: 30, atRisk: 3, reached: 2, cumulativePercent: 66.67 },
    ]);
  });

  it('says nothing beyond the longest follow-up unless everyone has reached the stage', () => {
    const observations = [reached(10), censored(100)];
    const curve = kaplanMeier(observations);
    expect(cumulativePercentAt(observations, curve, 100)).toBe(50);
    expect(cumulativePercentAt(observations, curve, 101)).toBeNull();
    expect(cumulativePercentAt([], [], 90)).toBeNull();
    expect(cumulativePercentAt([censored(200)], [], 90)).toBe(0);
  });
});
