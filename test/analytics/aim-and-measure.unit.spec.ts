/** The Always Event aim rule and the measure-series adapter. */
import { decideAimAchieved, measureChartInput } from '../../src/analytics';

const points = (values: number[]) => values.map((value) => ({ value }));

describe('decideAimAchieved', () => {
  // Twelve periods around 60%, then eight at 85–95%: a shift above the median and a streak over 80%.
  const improving = [60, 62, 58, 61, 59, 63, 60, 57, 61, 62, 59, 60, 85, 88, 90, 86, 92, 95, 91, 93];

  it('achieved: three consecutive periods at or beyond the target and a shift on the improving side', () => {
    const decision = decideAimAchieved({ points: points(improving), target: 80, direction: 'increase' });
    expect(decision.achieved).toBe(true);
    expect(decision.evidence.atTarget).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    expect(decision.evidence.shift).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    expect(decision.evidence.profile).toBe('ihi');
    expect(decision.evidence.parameters.shiftPoints).toBe(6);
  });

  it('not achieved when the target is reached only twice in a row', () => {
    const decision = decideAimAchieved({ points: points(improving), target: 93, direction: 'increase' });
    expect(decision.achieved).toBe(false);
    expect(decision.evidence.atTarget).toEqual([]);
  });

  it('not achieved without a shift, however high the values', () => {
    const flat = [90, 91, 89, 92, 90, 91, 89, 92, 90, 91];
    const decision = decideAimAchieved({ points: points(flat), target: 85, direction: 'increase' });
    expect(decision.evidence.atTarget).toHaveLength(10);
    expect(decision.evidence.shift).toEqual([]);
    expect(decision.achieved).toBe(false);
  });

  it('a shift on the wrong side does not count; lower-is-better aims mirror the rule', () => {
    const falling = improving.map((v) => 100 - v);
    expect(decideAimAchieved({ points: points(falling), target: 20, direction: 'increase' }).achieved).toBe(
      false,
    );
    expect(decideAimAchieved({ points: points(falling), target: 20, direction: 'decrease' }).achieved).toBe(
      true,
    );
  });

  it('takes another chart, profile and streak length, and reports them', () => {
    const decision = decideAimAchieved({
      points: points(improving),
      target: 80,
      direction: 'increase',
      consecutive: 9,
      chart: 'xmr',
      profile: 'mdc',
    });
    expect(decision.achieved).toBe(false);
    expect(decision.evidence).toMatchObject({ chart: 'xmr', profile: 'mdc' });
    expect(decision.evidence.rule).toContain('at least 9 consecutive periods');
  });
});

describe('measureChartInput', () => {
  it('orders periods, starts phases at definition revisions, and takes exclusions and a baseline from annotations', () => {
    const request = measureChartInput(
      {
        periods: [
          { period: '2024-03', numerator: 7, denominator: 10 },
          { period: '2024-01', numerator: 5, denominator: 10 },
          { period: '2024-02', numerator: 6, denominator: 10 },
          { period: '2024-05', numerator: 9, denominator: 10 },
          { period: '2024-04', numerator: 8, denominator: 10 },
        ],
        phaseStarts: ['2024-01', '2024-03-15'],
        annotations: [
          { period: '2024-02', kind: 'exclude' },
          { period: '2024-02', kind: 'baseline-end' },
          { period: '2024-02', kind: 'note' },
        ],
      },
      { chart: 'p', profile: 'qic', improvementDirection: 'increase', target: 0.9, multiply: 100 },
    );
    expect(request).toEqual({
      chart: 'p',
      profile: 'qic',
      improvementDirection: 'increase',
      target: 0.9,
      multiply: 100,
      points: [
        { date: '2024-01', numerator: 5, denominator: 10 },
        { date: '2024-02', numerator: 6, denominator: 10 },
        { date: '2024-03', numerator: 7, denominator: 10 },
        { date: '2024-04', numerator: 8, denominator: 10 },
        { date: '2024-05', numerator: 9, denominator: 10 },
      ],
      recalculateAt: [4],
      exclude: [2],
      baselinePoints: 2,
    });
  });

  it('values series pass through, and a recalculation annotation starts a phase', () => {
    const request = measureChartInput(
      {
        periods: [
          { period: 'a', value: 1 },
          { period: 'b', value: 2 },
        ],
        annotations: [{ period: 'b', kind: 'recalculate' }],
      },
      { chart: 'xmr', profile: 'mdc' },
    );
    expect(request.points).toEqual([
      { date: 'a', value: 1 },
      { date: 'b', value: 2 },
    ]);
    expect(request.recalculateAt).toEqual([2]);
    expect(request.baselinePoints).toBeNull();
  });
});
